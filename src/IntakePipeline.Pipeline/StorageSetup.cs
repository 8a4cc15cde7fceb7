using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>
/// Creates what the pipeline writes into: every table of <see cref="TableNames"/>, the events queue and its poison
/// queue, the <c>intake-{code}</c> and <c>reports-{code}</c> containers of the 9 prefectures and the province (520000),
/// and <see cref="LocksContainer"/>. Safe to run on every start, and from many instances at once.
/// </summary>
public sealed class StorageSetup
{
    private readonly IBlobStore _blobs;
    private readonly ITableStore _tables;
    private readonly IQueueStore _queues;
    private readonly TableNames _names;
    private readonly QueuesOptions _queueNames;
    private readonly ILogger<StorageSetup> _logger;

    /// <summary>Creates the setup.</summary>
    /// <param name="blobs">The blob store.</param>
    /// <param name="tables">The table store.</param>
    /// <param name="queues">The queue store.</param>
    /// <param name="names">The table names.</param>
    /// <param name="queueNames">The queue names.</param>
    /// <param name="logger">The logger.</param>
    public StorageSetup(IBlobStore blobs, ITableStore tables, IQueueStore queues, IOptions<TableNames> names, IOptions<QueuesOptions> queueNames, ILogger<StorageSetup> logger)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(queueNames);
        _blobs = blobs;
        _tables = tables;
        _queues = queues;
        _names = names.Value;
        _queueNames = queueNames.Value;
        _logger = logger;
    }

    /// <summary>
    /// The container of the lock blobs that serialize the processing of one submitter's period across instances. Its
    /// name does not start with <c>intake-</c>, so it is never taken for an intake container.
    /// </summary>
    public const string LocksContainer = "pipeline-locks";

    /// <summary>Every container the pipeline uses: <c>intake-{code}</c> and <c>reports-{code}</c> for each submitter, and <see cref="LocksContainer"/>.</summary>
    public static IReadOnlyList<string> Containers { get; } = BuildContainers();

    /// <summary>Creates the tables and containers that do not exist yet.</summary>
    /// <param name="cancellationToken">Cancels the setup.</param>
    /// <returns>How many tables and containers this call created.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage refused a creation (for example, a table being deleted).</exception>
    public async Task<int> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var created = 0;
        foreach (var table in _names.All)
        {
            if (await _tables.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false))
            {
                created++;
            }
        }

        foreach (var queue in new[] { _queueNames.Events, _queueNames.Poison })
        {
            if (await _queues.CreateIfNotExistsAsync(queue, cancellationToken).ConfigureAwait(false))
            {
                created++;
            }
        }

        foreach (var container in Containers)
        {
            if (await _blobs.CreateContainerIfNotExistsAsync(container, cancellationToken).ConfigureAwait(false))
            {
                created++;
            }
        }

        _logger.StorageReady(_names.All.Count, Containers.Count, created);
        return created;
    }

    private static string[] BuildContainers()
    {
        var containers = new List<string>(Submitters.All.Count * 2);
        foreach (var submitter in Submitters.All)
        {
            containers.Add(SubmissionBlobName.IntakeContainer(submitter.Code));
            containers.Add(SubmissionBlobName.ReportContainer(submitter.Code));
        }

        containers.Add(LocksContainer);
        return [.. containers];
    }
}
