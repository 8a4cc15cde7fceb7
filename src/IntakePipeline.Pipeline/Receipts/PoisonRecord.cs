namespace IntakePipeline.Pipeline.Receipts;

/// <summary>A blob version given up on after the queue's last attempt, as the <c>Poison</c> table keeps it.</summary>
/// <param name="Blob">The version; for a message that was not a readable event, the container is <see cref="UnreadableContainer"/> and the name empty.</param>
/// <param name="Attempts">The failed attempts recorded.</param>
/// <param name="LastError">The last error recorded, or a note that none was.</param>
/// <param name="MessageText">The queue message, so that it can be sent again.</param>
public sealed record PoisonRecord(BlobVersion Blob, int Attempts, string LastError, string MessageText)
{
    /// <summary>The partition of poisoned messages that named no blob.</summary>
    public const string UnreadableContainer = "unreadable";

    /// <summary>The <c>Poison</c> row's key.</summary>
    public string RowKey { get; init; } = BlobReceiptKeys.RowKey(Blob?.Name ?? string.Empty, Blob?.ETag ?? string.Empty);
}
