using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline;
using IntakePipeline.Storage;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Reliability;

/// <summary>A persistent-disk Azurite of one test's own, with our storage clients on it and helpers to feed and watch it.</summary>
internal sealed class ReliabilityStorage : IAsyncDisposable
{
    private ReliabilityStorage(AzuriteServer azurite)
    {
        Azurite = azurite;
        var factory = new StorageClientFactory(StorageConnection.Parse(azurite.ConnectionString), new StorageClientOptions { MaxRetries = 2 });
        Blobs = factory.CreateBlobStore();
        Tables = factory.CreateTableStore();
    }

    public AzuriteServer Azurite { get; }

    public IBlobStore Blobs { get; }

    public ITableStore Tables { get; }

    public static YearMonth CurrentMonth => YearMonth.Of(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public static async Task<ReliabilityStorage> StartAsync()
    {
        var azurite = AzuriteServer.Create(new AzuriteServerOptions { Persistent = true });
        await azurite.StartAsync();
        return new ReliabilityStorage(azurite);
    }

    /// <summary>
    /// The environment of <c>intake run</c> on this storage and <paramref name="tables"/>: the connection string in
    /// <c>AzureWebJobsStorage</c> (so the host starts no Azurite of its own), plus <paramref name="extra"/> settings.
    /// </summary>
    public Dictionary<string, string> HostEnvironment(TableSet tables, params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Azurite__AutoStart"] = "false",
            // The generated files span the current month and the two before it; all three are polled often.
            ["Watcher__HotMonths"] = "2",
            // SendAlerts every second, so that a run's mail is sent before the run is stopped and compared.
            ["Schedules__SendAlerts"] = "* * * * * *",
        };
        foreach (var (name, value) in tables.Environment())
        {
            environment[name] = value;
        }

        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>Uploads the files, as the prefectures would, and returns the versions written.</summary>
    public async Task<List<BlobVersion>> UploadAsync(IEnumerable<GeneratedFile> files)
    {
        var versions = new List<BlobVersion>();
        foreach (var file in files)
        {
            versions.Add(await UploadAsync(file));
        }

        return versions;
    }

    public async Task<BlobVersion> UploadAsync(GeneratedFile file)
    {
        await Blobs.CreateContainerIfNotExistsAsync(file.Container);
        var written = await Blobs.PutAsync(file.Container, file.Name, file.Content);
        return new BlobVersion(file.Container, file.Name, written.ETag);
    }

    /// <summary>Waits until the set's Outbox holds no Pending row, or the time is up.</summary>
    public async Task<bool> WaitForMailSentAsync(TableSet tables, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var pending = false;
            await foreach (var row in Tables.QueryAsync(tables.Names.Outbox, new TableQuery { Select = ["State"] }))
            {
                pending |= row.GetString("State") == "Pending";
            }

            if (!pending)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    /// <summary>Waits until <paramref name="expected"/> blob versions have a final receipt in <paramref name="tables"/>.</summary>
    public async Task<bool> WaitForReceiptsAsync(TableSet tables, int expected, TimeSpan timeout, Func<bool>? stillRunning = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && (stillRunning is null || stillRunning()))
        {
            try
            {
                if (await tables.CountFinalReceiptsAsync(Tables) >= expected)
                {
                    return true;
                }
            }
            catch (Azure.RequestFailedException)
            {
                // Storage is away (the outage test); keep waiting.
            }
            catch (System.Net.Http.HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        return await tables.CountFinalReceiptsAsync(Tables) >= expected;
    }

    /// <summary>The submitter's Submissions rows as (period|id, Status).</summary>
    public async Task<List<(string RowKey, string Status)>> SubmissionsAsync(TableSet tables, string submitter)
    {
        var rows = new List<(string, string)>();
        await foreach (var row in Tables.QueryAsync(tables.Names.Submissions, TableQuery.Partition(submitter)))
        {
            rows.Add((row.RowKey, row.GetString("Status") ?? string.Empty));
        }

        return rows;
    }

    public static string ContainerOf(string submitter) => SubmissionBlobName.IntakeContainer(submitter);

    public async ValueTask DisposeAsync() => await Azurite.DisposeAsync();
}
