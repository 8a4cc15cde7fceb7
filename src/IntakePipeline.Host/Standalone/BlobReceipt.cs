namespace IntakePipeline.Host.Standalone;

/// <summary>A row of <c>BlobReceipts</c>: what happened to one blob version so far.</summary>
/// <param name="Outcome">The final outcome, or <see cref="BlobReceiptKeys.RetryingOutcome"/> between failed attempts.</param>
/// <param name="Attempts">The attempts made, failed ones included.</param>
/// <param name="FirstFailedAt">When the first attempt failed, if one did.</param>
/// <param name="SubmissionId">The submission id, when known.</param>
/// <param name="CorrelationId">The correlation id, when known.</param>
internal sealed record BlobReceipt(
    string Outcome,
    int Attempts,
    DateTimeOffset? FirstFailedAt,
    string? SubmissionId,
    string? CorrelationId)
{
    /// <summary>Whether the version is done with: processed or poisoned.</summary>
    public bool IsFinal => Outcome != BlobReceiptKeys.RetryingOutcome;
}
