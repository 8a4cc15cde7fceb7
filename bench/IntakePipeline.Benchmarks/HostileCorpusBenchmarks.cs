using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Tests.Corpus;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Benchmarks;

/// <summary>
/// Time and memory to read and validate each file of the hostile corpus (tests/IntakePipeline.Core.Tests/Corpus), as
/// the pipeline does, one benchmark case per file. The <c>Report</c> column is the size of the file's JSON report, the
/// <c>Issues</c> column its number of issues. Run with <c>--filter *HostileCorpus*</c>; the job is short on purpose
/// (one warmup, three iterations, in process), since the question is which file is slow, not by how many nanoseconds.
/// </summary>
[Config(typeof(CorpusConfig))]
[MemoryDiagnoser]
public class HostileCorpusBenchmarks
{
    private static readonly PlanCatalog _catalog = PlanCatalogLoader.LoadEmbedded();
    private static readonly SubmissionValidator _validator = new(_catalog, new ThresholdsOptions());
    private static readonly SubmissionReader _reader = new(new LimitsOptions());
    private byte[] _content = [];
    private SubmissionContext _context = null!;

    /// <summary>The corpus file, by its corpus name.</summary>
    [ParamsSource(nameof(Names))]
    public string File { get; set; } = string.Empty;

    /// <summary>Every corpus file's name.</summary>
    public static IEnumerable<string> Names => HostileCorpus.All.Select(f => f.Name);

    /// <summary>Generates the file once, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _content = HostileCorpus.Find(File).Build();
        _context = ContextFor(File);
    }

    /// <summary>Read and validate the file.</summary>
    [Benchmark]
    public int ReadAndValidate() => _validator.Validate(_reader.Read(_content, Path.GetFileName(File)), _context).Issues.Count;

    /// <summary>The file's report as <c>intake validate --json</c> prints it.</summary>
    internal static (int Bytes, int Issues) Report(string name)
    {
        var report = _validator.Validate(_reader.Read(HostileCorpus.Find(name).Build(), Path.GetFileName(name)), ContextFor(name));
        using var json = new MemoryStream();
        ValidationReportJson.Write(json, report);
        return ((int)json.Length, report.Issues.Count);
    }

    private static SubmissionContext ContextFor(string name) => new(
        CorpusManifest.Entries[name].Submitter ?? HostileCorpus.DefaultSubmitter,
        HostileCorpus.Period,
        HostileCorpus.CurrentMonth,
        SubmissionHistory.Empty);

    private sealed class CorpusConfig : ManualConfig
    {
        public CorpusConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100))
                .WithId("Corpus"));
            AddColumn(new ReportColumn("Report", report => report.Bytes), new ReportColumn("Issues", report => report.Issues));
            Options |= ConfigOptions.DisableOptimizationsValidator;
        }
    }

    /// <summary>A column with a fact about the file's report, computed once per file.</summary>
    private sealed class ReportColumn(string name, Func<(int Bytes, int Issues), int> select) : IColumn
    {
        public string Id => nameof(ReportColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => name == "Report" ? "Bytes of the JSON report" : "Issues in the report";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            select(Report((string)benchmarkCase.Parameters["File"])).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
