using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Alerts;

/// <summary>
/// What the uploading submitter is told about a processed file: always for a rejection or a file that is not a
/// submission, and for an acceptance with warnings.
/// </summary>
/// <param name="Submitter">The submitter's code (from the container).</param>
/// <param name="BlobName">The uploaded blob's name, e.g. <c>2024-06/遵义市-2024-06.csv</c>.</param>
/// <param name="Period">The period from the blob name; null when the name is not a submission's.</param>
/// <param name="SubmissionId">The submission id; null when the blob was not a submission.</param>
/// <param name="Accepted">Whether the file was accepted.</param>
/// <param name="Issues">Every issue of the validation report, in report order.</param>
/// <param name="ReportBlob">Where the full report is: <c>reports-{code}/{name}.report.html</c>.</param>
/// <param name="ReportLink">The report's URL with a short-lived read-only SAS for it, which opens it in a browser.</param>
/// <param name="CorrelationId">The submission's correlation id.</param>
/// <param name="Misplaced">
/// For a file that is not a submission (then <paramref name="Period"/> is null), where it is and where it belongs;
/// null otherwise.
/// </param>
public sealed record SubmissionReceipt(
    string Submitter,
    string BlobName,
    YearMonth? Period,
    string? SubmissionId,
    bool Accepted,
    IReadOnlyList<ValidationIssue> Issues,
    string ReportBlob,
    Uri ReportLink,
    string CorrelationId,
    MisplacedFile? Misplaced = null)
{
    /// <summary>
    /// Where the submitter's template for the period is, <c>reports-{code}/templates/{yyyy-MM}.xlsx</c>, written in the
    /// same form as <see cref="ReportBlob"/>; null when there is no period, and the receipt then names no template.
    /// </summary>
    public string? TemplateBlob { get; init; }
}
