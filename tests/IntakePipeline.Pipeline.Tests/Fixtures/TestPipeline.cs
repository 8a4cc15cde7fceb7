using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntakePipeline.Pipeline.Tests.Fixtures;

/// <summary>
/// A handler on the shared Azurite with tables of its own (a random prefix on every name), so tests never see each
/// other's rows. Containers are shared; tests keep their blob names unique with <see cref="UniqueFile"/>.
/// </summary>
internal sealed class TestPipeline
{
    private static readonly PlanCatalog _catalog = PlanCatalogLoader.LoadEmbedded();

    private TestPipeline(AzuriteServer azurite, ITableStore? tables, TableNames? names, DateTimeOffset? now)
    {
        var factory = new StorageClientFactory(StorageConnection.Parse(azurite.ConnectionString));
        Blobs = factory.CreateBlobStore();
        RealTables = factory.CreateTableStore();
        Tables = tables ?? RealTables;
        Names = names ?? Prefixed("t" + Guid.NewGuid().ToString("N")[..8]);
        Clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
        Handler = new SubmissionProcessor(
            Blobs,
            Tables,
            _catalog,
            Options.Create(Names),
            Options.Create(new DeadlinesOptions()),
            Options.Create(new ThresholdsOptions()),
            Options.Create(new LimitsOptions()),
            Clock,
            new SubmissionTemplatePublisher(Blobs, Tables, _catalog, Options.Create(Names)),
            NullLogger<SubmissionProcessor>.Instance);
    }

    public static PlanCatalog Catalog => _catalog;

    public IBlobStore Blobs { get; }

    public ITableStore Tables { get; }

    public ITableStore RealTables { get; }

    public TableNames Names { get; }

    /// <summary>An events queue of its own.</summary>
    public QueuesOptions Queues { get; } = new() { Events = "e" + Guid.NewGuid().ToString("N")[..12] };

    public FakeTimeProvider Clock { get; }

    public SubmissionProcessor Handler { get; }

    /// <summary>A pipeline with fresh tables and containers, all created.</summary>
    public static async Task<TestPipeline> CreateAsync(
        AzuriteServer azurite,
        Func<ITableStore, ITableStore>? wrapTables = null,
        TableNames? names = null,
        DateTimeOffset? now = null)
    {
        var factory = new StorageClientFactory(StorageConnection.Parse(azurite.ConnectionString));
        var real = factory.CreateTableStore();
        var pipeline = new TestPipeline(azurite, wrapTables?.Invoke(real), names, now);
        await new StorageSetup(pipeline.Blobs, real, factory.CreateQueueStore(), Options.Create(pipeline.Names), Options.Create(pipeline.Queues), NullLogger<StorageSetup>.Instance).EnsureAsync();
        return pipeline;
    }

    public static TableNames Prefixed(string prefix) => new()
    {
        PlanIndicators = prefix + "PlanIndicators",
        PlanTargets = prefix + "PlanTargets",
        Submissions = prefix + "Submissions",
        Observations = prefix + "Observations",
        ValidationIssues = prefix + "ValidationIssues",
        Scorecard = prefix + "Scorecard",
        ScorecardLatest = prefix + "ScorecardLatest",
        Alerts = prefix + "Alerts",
        Outbox = prefix + "Outbox",
        BlobReceipts = prefix + "BlobReceipts",
        Poison = prefix + "Poison",
        Installation = prefix + "Installation",
    };

    /// <summary>A blob name that no other test uses, e.g. <c>2024-06/遵义-6月-1a2b3c4d.csv</c>.</summary>
    public static string UniqueFile(string period, string stem, string extension) =>
        $"{period}/{stem}-{Guid.NewGuid().ToString("N")[..8]}.{extension}";

    /// <summary>Uploads into <c>intake-{submitter}</c> and returns the new version.</summary>
    public async Task<BlobVersion> UploadAsync(string submitter, string name, byte[] content)
    {
        var container = SubmissionBlobName.IntakeContainer(submitter);
        var written = await Blobs.PutAsync(container, name, content);
        return new BlobVersion(container, name, written.ETag);
    }

    public async Task<SubmissionOutcome> UploadAndHandleAsync(string submitter, string name, byte[] content) =>
        await Handler.HandleAsync(await UploadAsync(submitter, name, content));

    public async Task<List<TableRow>> RowsAsync(string table, string? partition = null)
    {
        var rows = new List<TableRow>();
        await foreach (var row in RealTables.QueryAsync(table, partition is null ? TableQuery.All : TableQuery.Partition(partition)))
        {
            rows.Add(row);
        }

        return rows;
    }

    public Task<TableRow?> RowAsync(string table, string partitionKey, string rowKey) =>
        RealTables.GetAsync(table, partitionKey, rowKey);
}
