namespace IntakePipeline.Pipeline.Receipts;

/// <summary>A row of <c>BlobReceipts</c>: what happened to one blob version so far.</summary>
/// <param name="Outcome">
/// The <see cref="SubmissionOutcomeKind"/> name once processed; <see cref="RetryingOutcome"/> between failed attempts;
/// <see cref="PoisonedOutcome"/> once given up on.
/// </param>
/// <param name="Attempts">The failed attempts recorded.</param>
/// <param name="LastError">The last failed attempt's error, when one failed.</param>
/// <param name="SubmissionId">The submission id, when the version was a submission.</param>
/// <param name="CorrelationId">The correlation id, when known.</param>
public sealed record BlobReceipt(string Outcome, int Attempts, string? LastError, string? SubmissionId, string? CorrelationId)
{
    /// <summary>The outcome while a version is between failed attempts.</summary>
    public const string RetryingOutcome = "Retrying";

    /// <summary>The outcome of a version given up on; <c>intake retry --poison</c> processes it again.</summary>
    public const string PoisonedOutcome = "Poisoned";

    /// <summary>Whether the version was processed, so that another event for it changes nothing.</summary>
    public bool IsProcessed => Outcome is not (RetryingOutcome or PoisonedOutcome);
}
