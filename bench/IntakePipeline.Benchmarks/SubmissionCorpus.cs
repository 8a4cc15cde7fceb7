using System.Globalization;
using System.Text;
using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Benchmarks;

/// <summary>
/// A realistic generated corpus: CSV submissions for every prefecture and month, each listing the submitter's
/// indicators with values near their plan trajectory, padded with the template's own columns. A fixed seed keeps it
/// identical from run to run.
/// </summary>
public sealed class SubmissionCorpus
{
    private SubmissionCorpus(IReadOnlyList<CorpusFile> files) => Files = files;

    /// <summary>The files, in generation order.</summary>
    public IReadOnlyList<CorpusFile> Files { get; }

    /// <summary>The total number of data rows across all files.</summary>
    public int RowCount => Files.Sum(f => f.RowCount);

    /// <summary>
    /// Generates <paramref name="fileCount"/> files, cycling through the 9 prefectures and the months from 2021-01.
    /// With <paramref name="errorRate"/> &gt; 0, that share of rows carries a typical mistake (text in the value,
    /// an unknown code, a wrong unit).
    /// </summary>
    public static SubmissionCorpus Generate(PlanCatalog catalog, int fileCount, double errorRate, int seed = 20240601)
    {
        var random = new Random(seed);
        var evaluator = new TrajectoryEvaluator(catalog, new ThresholdsOptions());
        var files = new List<CorpusFile>(fileCount);
        for (var i = 0; i < fileCount; i++)
        {
            var submitter = Submitters.Prefectures[i % Submitters.Prefectures.Count].Code;
            var period = new YearMonth(2021, 1).AddMonths(i / Submitters.Prefectures.Count % 60);
            files.Add(GenerateFile(catalog, evaluator, submitter, period, errorRate, random));
        }

        return new SubmissionCorpus(files);
    }

    private static CorpusFile GenerateFile(
        PlanCatalog catalog, TrajectoryEvaluator evaluator, string submitter, YearMonth period, double errorRate, Random random)
    {
        var csv = new StringBuilder("指标代码,指标名称,数值,单位,上期值,备注,期间,市州代码\n");
        var rows = 0;
        foreach (var indicator in catalog.IndicatorsFor(submitter))
        {
            var expected = evaluator.ExpectedAt(indicator, submitter, period) ?? 50;
            var value = Math.Max(0, expected * (0.9 + (random.NextDouble() * 0.2)));
            var text = value.ToString("0.##", CultureInfo.InvariantCulture);
            var unit = indicator.Unit;
            var code = indicator.Code;
            if (random.NextDouble() < errorRate)
            {
                switch (random.Next(3))
                {
                    case 0: text = "待核实"; break;
                    case 1: code = "X99"; break;
                    default: unit = "平方公里"; break;
                }
            }

            csv.Append(code).Append(',').Append(Quote(indicator.Name)).Append(',').Append(text).Append(',').Append(unit)
                .Append(",,,").Append(period.ToString()).Append(',').Append(submitter).Append('\n');
            rows++;
        }

        return new CorpusFile($"{period}/{submitter}-{period}.csv", submitter, period, Encoding.UTF8.GetBytes(csv.ToString()), rows);
    }

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) ? $"\"{text}\"" : text;
}
