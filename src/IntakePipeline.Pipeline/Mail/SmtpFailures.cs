using System.Net.Mail;
using System.Net.Sockets;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>Decides how a send failure is treated, by exception type and SMTP reply code, in one place.</summary>
internal static class SmtpFailures
{
    /// <summary>The kind of failure, or <see langword="null"/> when the exception is not a delivery failure and must surface.</summary>
    public static SmtpFailureKind? Classify(Exception exception) => exception switch
    {
        SmtpFailedRecipientsException { InnerExceptions.Length: > 0 } many => Classify(many.InnerExceptions[0]),
        SmtpException smtp => ByStatus(smtp),

        // MailAddress refuses the stored recipient: no retry can fix it.
        FormatException => SmtpFailureKind.Permanent,
        IOException or SocketException => SmtpFailureKind.Unreachable,
        _ => null,
    };

    private static SmtpFailureKind ByStatus(SmtpException exception)
    {
        var code = (int)exception.StatusCode;
        return code switch
        {
            501 or 550 or 551 or 552 or 553 or 554 => SmtpFailureKind.Permanent,
            421 => SmtpFailureKind.Unreachable,
            >= 400 => SmtpFailureKind.Transient,
            _ => HasConnectionFault(exception) ? SmtpFailureKind.Unreachable : SmtpFailureKind.Transient,
        };
    }

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
