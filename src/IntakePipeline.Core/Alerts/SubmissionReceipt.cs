using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Alerts;

/// <summary>What the uploading submitter is told about a processed file: always for a rejection, and for an acceptance with warnings.</summary>
/// <param name="Submitter">The submitter's code (from the container).</param>
/// <param name="BlobName">The uploaded blob's name, e.g. <c>2024-06/遵义市-2024-06.csv</c>.</param>
/// <param name="Period">The period from the blob name; null when the name is not a submission's.</param>
/// <param name="SubmissionId">The submission id; null when the blob was not a submission.</param>
/// <param name="Accepted">Whether the file was accepted.</param>
/// <param name="Issues">Every issue of the validation report, in report order.</param>
/// <param name="ReportBlob">Where the full report is: <c>reports-{code}/{name}.report.html</c>.</param>
/// <param name="ReportLink">The report's URL with a short-lived read-only SAS for it, which opens it in a browser.</param>
/// <param name="CorrelationId">The submission's correlation id.</param>
public sealed record SubmissionReceipt(
    string Submitter,
    string BlobName,
    YearMonth? Period,
    string? SubmissionId,
    bool Accepted,
    IReadOnlyList<ValidationIssue> Issues,
    string ReportBlob,
    Uri ReportLink,
    string CorrelationId);
