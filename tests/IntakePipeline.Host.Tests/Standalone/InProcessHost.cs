using IntakePipeline.Core;
using IntakePipeline.Host.Standalone;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary>The standalone host built with its own extensions, in-process, against the fixture's Azurite.</summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public IBlobStore Blobs => Services.GetRequiredService<IBlobStore>();

    public ITableStore Tables => Services.GetRequiredService<ITableStore>();

    public BlobReceiptStore Receipts => Services.GetRequiredService<BlobReceiptStore>();

    public TableNames Names => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TableNames>>().Value;

    public static YearMonth CurrentMonth => YearMonth.Of(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public IQueueStore Queues => Services.GetRequiredService<IQueueStore>();

    public QueuesOptions QueueNames => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueuesOptions>>().Value;

    /// <summary>
    /// Builds and starts the host on an events queue of its own, with failed messages retried at once, and waits until
    /// the watcher has read what is already there.
    /// </summary>
    public static async Task<InProcessHost> StartAsync(
        AzuriteServer azurite,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeSpan? shutdownTimeout = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Watcher:PollInterval"] = "00:00:00.200",
            ["Watcher:FullScanInterval"] = "01:00:00",
            ["Queues:Events"] = "e" + Guid.NewGuid().ToString("N")[..12],
            ["extensions:queues:visibilityTimeout"] = "00:00:00",
            ["extensions:queues:maxPollingInterval"] = "00:00:00.100",
            ["Storage:MaxRetries"] = "1",
            ["Dashboard:Port"] = "0",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        configure?.Invoke(builder.Services);
        builder.Services.AddIntakeStandaloneHost(builder.Configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout ?? TimeSpan.FromSeconds(30));
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<BlobWatcher>().Seeded.WaitAsync(TimeSpan.FromSeconds(60));
        return new InProcessHost(host);
    }

    /// <summary>Uploads bytes into an intake container and returns the version written.</summary>
    public async Task<BlobVersion> PutAsync(string container, string name, string text)
    {
        var written = await Blobs.PutAsync(container, name, System.Text.Encoding.UTF8.GetBytes(text));
        return new BlobVersion(container, name, written.ETag);
    }

    /// <summary>Waits (up to <paramref name="timeout"/>, default 20 s) for a version's receipt of a processed or poisoned version; null when none came.</summary>
    public async Task<BlobReceipt?> WaitForReceiptAsync(BlobVersion blob, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await Receipts.GetAsync(blob) is { Outcome: not BlobReceipt.RetryingOutcome } receipt)
            {
                return receipt;
            }

            await Task.Delay(100);
        }

        return null;
    }

    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
