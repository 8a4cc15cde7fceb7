using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// Before the handler accepts invocations: creates the tables and containers and publishes the plan catalog, once per
/// process, both idempotent. A failure stops the handler loudly; the Functions host then restarts it.
/// </summary>
internal sealed class HandlerStorageStartup(
    StorageSetup setup,
    PlanPublisher publisher,
    PlanCatalog catalog,
    ILogger<HandlerStorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await setup.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var written = await publisher.PublishAsync(catalog, cancellationToken).ConfigureAwait(false);
        FunctionsLog.StorageReady(logger, written);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
