using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>The <c>ProcessSubmission</c> function: processes one blob version into Table Storage and report blobs.</summary>
public sealed class ProcessSubmissionHandler
{
    private readonly IBlobStore _blobs;
    private readonly ITableStore _tables;
    private readonly PlanCatalog _catalog;
    private readonly TableNames _names;
    private readonly DeadlinesOptions _deadlines;
    private readonly ThresholdsOptions _thresholds;
    private readonly LimitsOptions _limits;
    private readonly TimeProvider _time;
    private readonly ILogger<ProcessSubmissionHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public ProcessSubmissionHandler(
        IBlobStore blobs,
        ITableStore tables,
        PlanCatalog catalog,
        IOptions<TableNames> names,
        IOptions<DeadlinesOptions> deadlines,
        IOptions<ThresholdsOptions> thresholds,
        IOptions<LimitsOptions> limits,
        TimeProvider time,
        ILogger<ProcessSubmissionHandler> logger)
    {
        _blobs = blobs;
        _tables = tables;
        _catalog = catalog;
        _names = names.Value;
        _deadlines = deadlines.Value;
        _thresholds = thresholds.Value;
        _limits = limits.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Processes one blob version.</summary>
    public Task<SubmissionOutcome> HandleAsync(BlobVersion blob, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not wired yet.");
}
