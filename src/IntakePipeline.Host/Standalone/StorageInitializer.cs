using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// At start, before the watcher: creates the tables and containers and publishes the plan catalog, both idempotently.
/// A failure stops the host, loudly, since nothing can be processed without them.
/// </summary>
internal sealed class StorageInitializer(
    StorageSetup setup,
    PlanPublisher publisher,
    PlanCatalog catalog,
    ILogger<StorageInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await publisher.PublishAsync(catalog, cancellationToken).ConfigureAwait(false);
        StandaloneLog.StorageReady(logger);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
