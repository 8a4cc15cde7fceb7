namespace IntakePipeline.Host.Functions;

/// <summary>
/// The Functions host's invocation payload cannot be understood (not JSON, no <c>Data</c>, no binding, an event without
/// a blob URL or ETag). <see cref="InvocationFailureMiddleware"/> answers it with 400: retrying the same payload cannot help.
/// </summary>
internal sealed class InvocationPayloadException : Exception
{
    public InvocationPayloadException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
