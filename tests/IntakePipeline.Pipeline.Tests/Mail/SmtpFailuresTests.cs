using System.Net.Sockets;
using IntakePipeline.Pipeline.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IntakePipeline.Pipeline.Tests.Mail;

public sealed class SmtpFailuresTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { Refused(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable), nameof(SmtpFailureKind.Permanent) },
        { Refused(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxNameNotAllowed), nameof(SmtpFailureKind.Permanent) },
        { Refused(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed), nameof(SmtpFailureKind.Permanent) },
        { Refused(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ExceededStorageAllocation), nameof(SmtpFailureKind.Permanent) },
        { Refused(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.SyntaxError), nameof(SmtpFailureKind.Permanent) },
        { Refused(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.CommandUnrecognized), nameof(SmtpFailureKind.Transient) },
        { Refused(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy), nameof(SmtpFailureKind.Transient) },
        { Refused(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.InsufficientStorage), nameof(SmtpFailureKind.Transient) },
        { Refused(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.AuthenticationRequired), nameof(SmtpFailureKind.Transient) },
        { Refused(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.ServiceNotAvailable), nameof(SmtpFailureKind.Unreachable) },
        { new AuthenticationException("535: 5.7.8 Authentication credentials invalid"), nameof(SmtpFailureKind.Transient) },
        { new SslHandshakeException("The server's certificate is not trusted."), nameof(SmtpFailureKind.Transient) },
        { new NotSupportedException("The SMTP server does not support the STARTTLS extension."), nameof(SmtpFailureKind.Transient) },
        { new SmtpProtocolException("The SMTP server has unexpectedly disconnected.", new IOException("reset")), nameof(SmtpFailureKind.Unreachable) },
        { new SmtpProtocolException("Syntax error in the server's response."), nameof(SmtpFailureKind.Transient) },
        { new SocketException((int)SocketError.ConnectionRefused), nameof(SmtpFailureKind.Unreachable) },
        { new IOException("broken pipe"), nameof(SmtpFailureKind.Unreachable) },
        { new TimeoutException(), nameof(SmtpFailureKind.Unreachable) },
        { new ParseException("Invalid addr-spec token.", 0, 3), nameof(SmtpFailureKind.Permanent) },
        { new FormatException("'not an address' is not an email address."), nameof(SmtpFailureKind.Permanent) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_DeliveryFailure_Kind(Exception exception, string expected) =>
        Assert.Equal(expected, SmtpFailures.Classify(exception)?.ToString());

    [Theory]
    [InlineData(typeof(OperationCanceledException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NullReferenceException))]
    public void Classify_NotADeliveryFailure_Null(Type type) =>
        Assert.Null(SmtpFailures.Classify((Exception)Activator.CreateInstance(type)!));

    private static SmtpCommandException Refused(SmtpErrorCode error, SmtpStatusCode status) =>
        new(error, status, new MailboxAddress(string.Empty, "nobody@example.cn"), $"{(int)status} refused");
}
