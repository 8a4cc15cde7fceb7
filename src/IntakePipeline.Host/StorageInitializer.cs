using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline;
using Microsoft.Extensions.Hosting;

namespace IntakePipeline.Host;

/// <summary>
/// At start, in both hosts and before any work is taken: creates the tables and containers and publishes the plan
/// catalog, both idempotently (each logs what it did). A failure stops the host loudly, since nothing can be processed
/// without them; the Functions host then restarts the handler.
/// </summary>
internal sealed class StorageInitializer(StorageSetup setup, PlanPublisher publisher, PlanCatalog catalog) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await publisher.PublishAsync(catalog, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
