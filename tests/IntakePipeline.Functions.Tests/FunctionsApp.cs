using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Functions.Tests;

/// <summary>
/// The Functions app's composition (<see cref="FunctionsServiceCollectionExtensions.AddIntakeFunctions"/>) on the
/// fixture's Azurite, with tables and queues of its own, and its function classes made as the worker makes them.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FunctionsApp(ServiceProvider services)
    {
        _services = services;
    }

    public IServiceProvider Services => _services;

    public IBlobStore Blobs => _services.GetRequiredService<IBlobStore>();

    public ITableStore Tables => _services.GetRequiredService<ITableStore>();

    public TableNames Names => _services.GetRequiredService<IOptions<TableNames>>().Value;

    public StorageConnection Connection => _services.GetRequiredService<StorageConnection>();

    public BlobReceiptStore Receipts => _services.GetRequiredService<BlobReceiptStore>();

    /// <summary>Composes the app; with <paramref name="unreachable"/>, against a port where no storage listens, and without setting up storage.</summary>
    public static async Task<FunctionsApp> StartAsync(AzuriteServer azurite, bool unreachable = false)
    {
        var prefix = "f" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = unreachable ? UnreachableStorage() : azurite.ConnectionString,
            ["Queues:Events"] = prefix + "-events",
            ["Storage:MaxRetries"] = "0",
            ["Recipients:520300:0"] = "data@zunyi.example.cn",
            ["Recipients:Operations:0"] = "ops@example.cn",
        };
        foreach (var table in new TableNames().All)
        {
            settings[$"Tables:{table}"] = prefix + table;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var provider = new ServiceCollection().AddLogging().AddIntakeFunctions(configuration).BuildServiceProvider();
        if (!unreachable)
        {
            await provider.GetRequiredService<StorageSetup>().EnsureAsync();
        }

        return new FunctionsApp(provider);
    }

    private static string UnreachableStorage()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={StorageConnection.DevelopmentAccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public T Function<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    public TestFunctionContext Context(long dequeueCount = 1) => new(_services, dequeueCount);

    /// <summary>Puts a file into an intake container and returns the BlobCreated event Event Grid would deliver for it.</summary>
    public async Task<(BlobVersion Blob, string Event)> UploadAsync(string submitter, string name, byte[] content, string api = "PutBlob")
    {
        var container = SubmissionBlobName.IntakeContainer(submitter);
        var written = await Blobs.PutAsync(container, name, content);
        var blob = new BlobVersion(container, name, written.ETag);
        return (blob, BlobCreatedEvent.Create(blob, Connection.BlobUri(container, name), api, content.Length, DateTimeOffset.UtcNow));
    }

    public async Task<List<TableRow>> RowsAsync(string table, string? partition = null)
    {
        var rows = new List<TableRow>();
        await foreach (var row in Tables.QueryAsync(table, partition is null ? TableQuery.All : TableQuery.Partition(partition)))
        {
            rows.Add(row);
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
