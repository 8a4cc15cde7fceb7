using BenchmarkDotNet.Attributes;
using CsvHelper;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Benchmarks;

/// <summary>
/// Parse + validate + evaluate over a generated corpus of 1,000 submissions, against a bare CsvHelper read of the same
/// bytes as the floor. Each benchmark reports its time per file (<c>OperationsPerInvoke</c> is the file
/// count of 1,000 files), so Mean is the time per file; setup prints the rows per file, and rows/s follows. The
/// Ratio column is the cost relative to the floor.
/// </summary>
[MemoryDiagnoser]
public class IntakeBenchmarks
{
    private const int FileCount = 1000;

    private static readonly CsvReaderOptions _csvOptions = new() { Separator = ',' };
    private readonly SubmissionReader _reader = new();
    private PlanCatalog _catalog = null!;
    private SubmissionValidator _validator = null!;
    private TrajectoryEvaluator _evaluator = null!;
    private SubmissionCorpus _valid = null!;
    private SubmissionCorpus _withErrors = null!;

    /// <summary>Generates both corpora once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _catalog = PlanCatalogLoader.LoadEmbedded();
        _validator = new SubmissionValidator(_catalog, new ThresholdsOptions());
        _evaluator = new TrajectoryEvaluator(_catalog, new ThresholdsOptions());
        _valid = SubmissionCorpus.Generate(_catalog, FileCount, errorRate: 0);
        _withErrors = SubmissionCorpus.Generate(_catalog, FileCount, errorRate: 0.05);
        Console.WriteLine($"// Corpus: {FileCount} files, {_valid.RowCount} rows ({(double)_valid.RowCount / FileCount:0.#} per file), {_valid.Files.Sum(f => (long)f.Content.Length) / 1024} KiB.");
    }

    /// <summary>The floor: CsvHelper reading every field of every file, and nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = FileCount)]
    public int CsvHelperFloor()
    {
        var fields = 0;
        foreach (var file in _valid.Files)
        {
            using var csv = CsvReader.Create(file.Content, _csvOptions);
            while (csv.Read())
            {
                for (var i = 0; i < csv.FieldCount; i++)
                {
                    fields += csv.GetString(i).Length;
                }
            }
        }

        return fields;
    }

    /// <summary>Stage 1: read every valid file into a <see cref="SubmissionTable"/> (encoding check, CSV, table).</summary>
    [Benchmark(OperationsPerInvoke = FileCount)]
    public int Read()
    {
        var rows = 0;
        foreach (var file in _valid.Files)
        {
            rows += _reader.Read(file.Content, file.Name).Rows.Count;
        }

        return rows;
    }

    /// <summary>Stages 1 and 2: read and validate every valid file, without evaluating the observations.</summary>
    [Benchmark(OperationsPerInvoke = FileCount)]
    public int ReadValidate()
    {
        var observations = 0;
        foreach (var file in _valid.Files)
        {
            var table = _reader.Read(file.Content, file.Name);
            var report = _validator.Validate(table, new SubmissionContext(file.Submitter, file.Period, file.Period, SubmissionHistory.Empty));
            observations += report.Observations.Count;
        }

        return observations;
    }

    /// <summary>Parse, validate and evaluate every valid file.</summary>
    [Benchmark(OperationsPerInvoke = FileCount)]
    public int ParseValidateEvaluate() => Process(_valid);

    /// <summary>The same with 5% of rows in error, so the error paths (messages, rejections) are measured too.</summary>
    [Benchmark(OperationsPerInvoke = FileCount)]
    public int ParseValidateEvaluateWithErrors() => Process(_withErrors);

    private int Process(SubmissionCorpus corpus)
    {
        var evaluated = 0;
        foreach (var file in corpus.Files)
        {
            var table = _reader.Read(file.Content, file.Name);
            var report = _validator.Validate(table, new SubmissionContext(file.Submitter, file.Period, file.Period, SubmissionHistory.Empty));
            foreach (var observation in report.Observations)
            {
                var indicator = _catalog.FindIndicator(observation.Indicator)!;
                var entry = _evaluator.Evaluate(indicator, file.Submitter, file.Period, [new MonthlyValue(file.Period, observation.Value)]);
                evaluated += (int)entry.Status;
            }
        }

        return evaluated;
    }
}
