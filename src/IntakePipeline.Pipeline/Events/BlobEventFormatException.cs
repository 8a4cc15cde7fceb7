namespace IntakePipeline.Pipeline.Events;

/// <summary>A queue message that is not a usable Event Grid event. Retrying cannot help; it ends in the poison queue.</summary>
public sealed class BlobEventFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlobEventFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the message.</param>
    public BlobEventFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong with the message.</param>
    /// <param name="innerException">The parser's exception.</param>
    public BlobEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
