namespace IntakePipeline.Storage;

/// <summary>
/// A write's precondition did not hold: the blob or entity already exists (<c>If-None-Match: *</c>, insert), its
/// ETag has changed (<c>If-Match</c>), or a lease is no longer held.
/// </summary>
public sealed class StorageConditionFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was attempted and which condition failed.</param>
    /// <param name="status">The HTTP status, 409 or 412.</param>
    /// <param name="errorCode">The service's error code, such as <c>BlobAlreadyExists</c> or <c>ConditionNotMet</c>.</param>
    /// <param name="innerException">The service error.</param>
    public StorageConditionFailedException(string message, int status, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status, 409 or 412.</summary>
    public int Status { get; }

    /// <summary>The service's error code, or <see langword="null"/> when it sent none.</summary>
    public string? ErrorCode { get; }
}
