using IntakePipeline.Core;
using IntakePipeline.Core.Validation;
using Intake = IntakePipeline.Core.Intake;

namespace IntakePipeline.Pipeline;

/// <summary>The result of handling one blob version, for logs, receipts, telemetry and the end-to-end benchmark.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Blob">The blob version that was asked for.</param>
/// <param name="CorrelationId">
/// The deterministic correlation id: the first 16 hex digits of SHA-256 of <c>{container}/{name}@{etag}</c>. It is in
/// every log line, the Submissions row and the report, so re-processing the same version yields the same id.
/// </param>
/// <param name="SubmissionId">
/// The submission id (<c>{yyyyMMddTHHmmssZ}-{12 hex}</c>); null for Missing and Stale, and for a blob outside the
/// intake containers.
/// </param>
/// <param name="Submitter">The submitter's code from the container; null when the container is not an intake container.</param>
/// <param name="Period">The period from the blob name; null when the blob is not a submission.</param>
/// <param name="RowCount">The data rows read; 0 when the file was not validated.</param>
/// <param name="ErrorCount">The errors found; 0 when the file was not validated, 1 (its <c>not-a-submission</c>) for a misplaced blob.</param>
/// <param name="WarningCount">The warnings found; 0 when the file was not validated.</param>
/// <param name="EntitiesWritten">The table entities upserted or deleted (report blobs not counted).</param>
/// <param name="Issues">The validation issues, in report order; for a misplaced blob its <c>not-a-submission</c>; empty when the file was not validated.</param>
public sealed record SubmissionOutcome(
    SubmissionOutcomeKind Kind,
    BlobVersion Blob,
    string CorrelationId,
    string? SubmissionId,
    string? Submitter,
    YearMonth? Period,
    int RowCount,
    int ErrorCount,
    int WarningCount,
    int EntitiesWritten,
    IReadOnlyList<ValidationIssue> Issues)
{
    /// <summary>What an <see cref="SubmissionOutcomeKind.Accepted"/> file wrote to the result tables; null otherwise.</summary>
    public SubmissionResults? Results { get; init; }

    /// <summary>An outcome for which nothing was read or written.</summary>
    /// <param name="kind">Ignored, Duplicate, Missing or Stale.</param>
    /// <param name="blob">The version.</param>
    /// <param name="correlationId">Its correlation id.</param>
    /// <returns>The outcome.</returns>
    public static SubmissionOutcome Skipped(SubmissionOutcomeKind kind, BlobVersion blob, string correlationId) =>
        new(kind, blob, correlationId, null, Intake.SubmissionBlobName.SubmitterOf(blob?.Container ?? string.Empty), null, 0, 0, 0, 0, []);
}
