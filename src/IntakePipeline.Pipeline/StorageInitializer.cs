using IntakePipeline.Core.Plan;
using Microsoft.Extensions.Hosting;

namespace IntakePipeline.Pipeline;

/// <summary>
/// At start, in both hosts and before any work is taken: creates the tables, queues and containers that are missing and
/// publishes the plan catalog, both idempotently and safely when many instances start at once (each logs what it did).
/// A failure stops the host loudly, since nothing can be processed without them; the platform then restarts it.
/// </summary>
public sealed class StorageInitializer(StorageSetup setup, PlanPublisher publisher, PlanCatalog catalog) : IHostedService
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
