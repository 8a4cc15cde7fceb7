namespace IntakePipeline.Storage;

/// <summary>
/// A SAS could not be issued: the connection itself authenticates with a SAS, or the service refused to give the
/// identity a user delegation key (it lacks the <c>generateUserDelegationKey</c> action).
/// </summary>
public sealed class BlobSasUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why no SAS could be issued.</param>
    /// <param name="status">The HTTP status of the service's refusal, or <see langword="null"/> when no request was made.</param>
    /// <param name="innerException">The service error, if any.</param>
    public BlobSasUnavailableException(string message, int? status = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>The HTTP status of the service's refusal (403), or <see langword="null"/> when no request was made.</summary>
    public int? Status { get; }
}
