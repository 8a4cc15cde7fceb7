using System.Globalization;
using System.Text;
using System.Text.Json;
using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Host.Tests.Reliability;

/// <summary>
/// Realistic generated submissions: every indicator a submitter reports (<see cref="PlanCatalog.IndicatorsFor"/>), with
/// values near the plan trajectory, in the template's columns, as UTF-8 CSV, GB18030 CSV or JSON. Each submitter and
/// indicator keeps one fixed share of its trajectory, so cumulative values never decrease from month to month.
/// </summary>
internal static class GeneratedSubmissions
{
    private static readonly PlanCatalog _catalog = PlanCatalogLoader.LoadEmbedded();
    private static readonly TrajectoryEvaluator _evaluator = new(_catalog, new ThresholdsOptions());

    static GeneratedSubmissions() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// <paramref name="count"/> files cycling through all 10 submitters (the 9 prefectures and 520000) and the months
    /// from <paramref name="firstPeriod"/>; every <paramref name="invalidEvery"/>-th file carries a typical error
    /// (text in the value column, or an unknown code), so it is rejected.
    /// </summary>
    public static IReadOnlyList<GeneratedFile> Generate(int count, YearMonth firstPeriod, int invalidEvery = 8)
    {
        var files = new List<GeneratedFile>(count);
        for (var i = 0; i < count; i++)
        {
            var submitter = Submitters.All[i % Submitters.All.Count].Code;
            var period = firstPeriod.AddMonths(i / Submitters.All.Count);
            var invalid = invalidEvery > 0 && i % invalidEvery == invalidEvery - 1;
            files.Add(Create(submitter, period, i % 3, invalid ? 1 + (i % 2) : 0));
        }

        return files;
    }

    /// <summary>One file. <paramref name="format"/>: 0 UTF-8 CSV, 1 GB18030 CSV, 2 JSON. <paramref name="mistake"/>: 0 none,
    /// 1 a text value, 2 an unknown indicator code. <paramref name="scale"/> shifts every value (a corrected upload).</summary>
    public static GeneratedFile Create(string submitter, YearMonth period, int format, int mistake, double scale = 1)
    {
        var rows = new List<(string Code, string Name, string Value, string Unit)>();
        foreach (var indicator in _catalog.IndicatorsFor(submitter))
        {
            var expected = _evaluator.ExpectedAt(indicator, submitter, period) ?? 50;
            var share = 0.96 + (StableFraction(submitter + indicator.Code) * 0.08);
            var value = Math.Round(Math.Max(0, expected * share * scale), 2);
            if (indicator.Unit == "%")
            {
                // A share or a coverage rate never passes 100 %, even where the plan's trajectory is close to it.
                value = Math.Min(value, 99.9);
            }

            rows.Add((indicator.Code, indicator.Name, value.ToString("0.##", CultureInfo.InvariantCulture), indicator.Unit));
        }

        if (mistake == 1 && rows.Count > 0)
        {
            rows[0] = rows[0] with { Value = "待核实" };
        }
        else if (mistake == 2)
        {
            rows.Add(("X99", "不存在的指标", "12.5", "个"));
        }

        var (extension, content) = format switch
        {
            1 => ("csv", Csv(rows, submitter, period, Encoding.GetEncoding("GB18030"))),
            2 => ("json", Json(rows, submitter, period)),
            _ => ("csv", Csv(rows, submitter, period, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true))),
        };
        var name = Submitters.Find(submitter)!.Name;
        return new GeneratedFile(submitter, period, $"{period}/{name}-{period.Month}月.{extension}", content, mistake == 0);
    }

    private static byte[] Csv(List<(string Code, string Name, string Value, string Unit)> rows, string submitter, YearMonth period, Encoding encoding)
    {
        var text = new StringBuilder("指标代码,指标名称,数值,单位,期间,市州代码,备注\r\n");
        foreach (var row in rows)
        {
            var name = row.Name.Contains(',', StringComparison.Ordinal) ? $"\"{row.Name}\"" : row.Name;
            text.Append(CultureInfo.InvariantCulture, $"{row.Code},{name},{row.Value},{row.Unit},{period},{submitter},\r\n");
        }

        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static byte[] Json(List<(string Code, string Name, string Value, string Unit)> rows, string submitter, YearMonth period)
    {
        var objects = new List<Dictionary<string, object>>(rows.Count);
        foreach (var row in rows)
        {
            object value = double.TryParse(row.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : row.Value;
            objects.Add(new Dictionary<string, object>
            {
                ["indicator"] = row.Code,
                ["value"] = value,
                ["unit"] = row.Unit,
                ["period"] = period.ToString(),
                ["prefecture"] = submitter,
            });
        }

        return JsonSerializer.SerializeToUtf8Bytes(objects);
    }

    private static double StableFraction(string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return BitConverter.ToUInt16(hash, 0) / (double)ushort.MaxValue;
    }
}
