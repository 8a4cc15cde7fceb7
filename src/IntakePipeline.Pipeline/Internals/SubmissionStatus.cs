namespace IntakePipeline.Pipeline.Internals;

/// <summary>The values of the <c>Submissions.Status</c> column.</summary>
internal static class SubmissionStatus
{
    public const string Accepted = "Accepted";

    public const string Rejected = "Rejected";

    public const string Superseded = "Superseded";

    /// <summary>A blob in an intake container whose name is not a submission's; its RowKey is <c>none|{submissionId}</c>.</summary>
    public const string NotASubmission = "NotASubmission";
}
