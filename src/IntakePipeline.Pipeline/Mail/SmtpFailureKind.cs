namespace IntakePipeline.Pipeline.Mail;

/// <summary>How a failed send is treated.</summary>
internal enum SmtpFailureKind
{
    /// <summary>No server answered (refused connection, socket or I/O error, 421): retried, never fails a message.</summary>
    Unreachable,

    /// <summary>The server answered with a temporary or configuration refusal (4xx, most 5xx): retried up to MaxAttempts.</summary>
    Transient,

    /// <summary>The message itself cannot be delivered (invalid recipient, 550/551/552/553/554, 501): failed at once.</summary>
    Permanent,
}
