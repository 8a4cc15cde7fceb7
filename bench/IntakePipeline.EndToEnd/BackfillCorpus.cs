using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.EndToEnd;

/// <summary>
/// Realistic monthly files: every indicator the prefecture reports (<see cref="PlanCatalog.IndicatorsFor"/>), with values
/// near the plan trajectory (a fixed share of it per prefecture and indicator, so cumulative values never decrease),
/// in the template's columns, as UTF-8 CSV with BOM, as Excel saves it.
/// </summary>
internal sealed class BackfillCorpus(PlanCatalog catalog)
{
    private readonly TrajectoryEvaluator _evaluator = new(catalog, new ThresholdsOptions());

    /// <summary>The first month of the backfill.</summary>
    public static YearMonth First { get; } = new(2021, 1);

    /// <summary><paramref name="years"/> × 12 months × 9 prefectures from 2021-01 (5 years: 540 files), in upload order (month by month).</summary>
    public IReadOnlyList<(string Submitter, YearMonth Period, string Name, byte[] Content)> Backfill(int years)
    {
        var files = new List<(string, YearMonth, string, byte[])>(years * 12 * Submitters.Prefectures.Count);
        for (var month = 0; month < years * 12; month++)
        {
            var period = First.AddMonths(month);
            foreach (var prefecture in Submitters.Prefectures)
            {
                files.Add((prefecture.Code, period, $"{period}/{prefecture.Name}-{period.Month}月.csv", File(prefecture.Code, period, 1).Content));
            }
        }

        return files;
    }

    /// <summary>One file, every value multiplied by <paramref name="scale"/>; also the first indicator and its value.</summary>
    public (byte[] Content, string FirstIndicator, double FirstValue) File(string submitter, YearMonth period, double scale)
    {
        var text = new StringBuilder("指标代码,指标名称,数值,单位,期间,市州代码,备注\r\n");
        string? firstIndicator = null;
        var firstValue = 0.0;
        foreach (var indicator in catalog.IndicatorsFor(submitter))
        {
            var expected = _evaluator.ExpectedAt(indicator, submitter, period) ?? 50;
            var share = 0.96 + (StableFraction(submitter + indicator.Code) * 0.08);
            var value = Math.Round(Math.Max(0, expected * share * scale), 2);
            if (indicator.Unit == "%")
            {
                value = Math.Min(value, 99.9);
            }

            if (firstIndicator is null)
            {
                firstIndicator = indicator.Code;
                firstValue = value;
            }

            var name = indicator.Name.Contains(',', StringComparison.Ordinal) ? $"\"{indicator.Name}\"" : indicator.Name;
            text.Append(CultureInfo.InvariantCulture, $"{indicator.Code},{name},{value:0.##},{indicator.Unit},{period},{submitter},\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return ([.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())], firstIndicator ?? string.Empty, firstValue);
    }

    private static double StableFraction(string key) =>
        BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) / (double)ushort.MaxValue;
}
