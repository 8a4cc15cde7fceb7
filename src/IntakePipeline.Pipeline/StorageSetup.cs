using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>
/// Creates what the pipeline writes into: every table of <see cref="TableNames"/>, and the <c>intake-{code}</c> and
/// <c>reports-{code}</c> containers of the 9 prefectures and the province (520000). Safe to run on every start.
/// </summary>
public sealed class StorageSetup
{
    private readonly IBlobStore _blobs;
    private readonly ITableStore _tables;
    private readonly TableNames _names;
    private readonly ILogger<StorageSetup> _logger;

    /// <summary>Creates the setup.</summary>
    /// <param name="blobs">The blob store.</param>
    /// <param name="tables">The table store.</param>
    /// <param name="names">The table names.</param>
    /// <param name="logger">The logger.</param>
    public StorageSetup(IBlobStore blobs, ITableStore tables, IOptions<TableNames> names, ILogger<StorageSetup> logger)
    {
        ArgumentNullException.ThrowIfNull(names);
        _blobs = blobs;
        _tables = tables;
        _names = names.Value;
        _logger = logger;
    }

    /// <summary>Every container the pipeline uses: <c>intake-{code}</c> and <c>reports-{code}</c> for each submitter.</summary>
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

        return [.. containers];
    }
}
