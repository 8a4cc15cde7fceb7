namespace IntakePipeline.Core.Dashboard;

/// <summary>One processed file as the dashboard lists it: a row of the <c>Submissions</c> table (docs/tables.md).</summary>
/// <param name="Submitter">The submitter's code.</param>
/// <param name="Period">The month the file reports.</param>
/// <param name="Status">The table's status: <c>Accepted</c>, <c>Rejected</c> or <c>Superseded</c>.</param>
/// <param name="BlobName">The uploaded file's name within its container, as the submitter chose it; submitted text.</param>
/// <param name="ReceivedAt">When the file was uploaded.</param>
/// <param name="Late">True when it was accepted after the month's deadline.</param>
/// <param name="ErrorCount">The errors found.</param>
/// <param name="WarningCount">The warnings found.</param>
public sealed record SubmissionRecord(
    string Submitter,
    YearMonth Period,
    string Status,
    string BlobName,
    DateTimeOffset? ReceivedAt,
    bool Late,
    int ErrorCount,
    int WarningCount)
{
    /// <summary>The <c>Status</c> of the submitter's current file for a month.</summary>
    public const string Accepted = "Accepted";

    /// <summary>The <c>Status</c> of a file that was rejected.</summary>
    public const string Rejected = "Rejected";

    /// <summary>The <c>Status</c> of an accepted file that a later one replaced.</summary>
    public const string Superseded = "Superseded";
}
