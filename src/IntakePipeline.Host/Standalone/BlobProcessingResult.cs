namespace IntakePipeline.Host.Standalone;

/// <summary>What processing one blob version gave, as the watcher records it in the receipt and the summary line.</summary>
/// <param name="Outcome">The outcome's name: Accepted, Rejected, Unchanged, NotASubmission, Stale or Missing.</param>
/// <param name="SubmissionId">The submission id, when the blob was a submission.</param>
/// <param name="CorrelationId">The correlation id that every row and log line of this version carries.</param>
/// <param name="RowCount">The data rows read.</param>
/// <param name="ErrorCount">The errors found.</param>
/// <param name="WarningCount">The warnings found.</param>
internal sealed record BlobProcessingResult(
    string Outcome,
    string? SubmissionId,
    string CorrelationId,
    int RowCount,
    int ErrorCount,
    int WarningCount);
