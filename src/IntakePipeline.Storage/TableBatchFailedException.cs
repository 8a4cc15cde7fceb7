namespace IntakePipeline.Storage;

/// <summary>The service rejected an entity-group transaction. Nothing from the batch was applied.</summary>
public sealed class TableBatchFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="failedIndex">The 0-based index of the operation the service blamed, when it named one.</param>
    /// <param name="status">The HTTP status of the failed operation.</param>
    /// <param name="errorCode">The service's error code, such as <c>EntityAlreadyExists</c>.</param>
    /// <param name="innerException">The service error.</param>
    public TableBatchFailedException(string message, int? failedIndex, int status, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        FailedIndex = failedIndex;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The 0-based index of the operation that failed, or <see langword="null"/> when the service named none.</summary>
    public int? FailedIndex { get; }

    /// <summary>The HTTP status of the failure.</summary>
    public int Status { get; }

    /// <summary>The service's error code, or <see langword="null"/>.</summary>
    public string? ErrorCode { get; }
}
