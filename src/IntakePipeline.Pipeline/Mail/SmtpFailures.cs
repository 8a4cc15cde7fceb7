using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>Decides how a send failure is treated, by exception type and SMTP reply code, in one place.</summary>
internal static class SmtpFailures
{
    /// <summary>The kind of failure, or <see langword="null"/> when the exception is not a delivery failure and must surface.</summary>
    public static SmtpFailureKind? Classify(Exception exception) => exception switch
    {
        SmtpCommandException command => ByStatus((int)command.StatusCode),

        // The server refused the credentials, or the TLS or authentication the configuration asks for: a refusal an
        // operator can lift, so the message is retried up to MaxAttempts.
        AuthenticationException or SslHandshakeException or NotSupportedException => SmtpFailureKind.Transient,
        SmtpProtocolException protocol => HasConnectionFault(protocol) ? SmtpFailureKind.Unreachable : SmtpFailureKind.Transient,

        // The stored recipient is not an address (MimeKit's ParseException is a FormatException): no retry can fix it.
        FormatException => SmtpFailureKind.Permanent,
        IOException or SocketException or TimeoutException => SmtpFailureKind.Unreachable,
        _ => null,
    };

    private static SmtpFailureKind ByStatus(int code) => code switch
    {
        501 or 550 or 551 or 552 or 553 or 554 => SmtpFailureKind.Permanent,
        421 => SmtpFailureKind.Unreachable,
        _ => SmtpFailureKind.Transient,
    };

    private static bool HasConnectionFault(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is IOException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
