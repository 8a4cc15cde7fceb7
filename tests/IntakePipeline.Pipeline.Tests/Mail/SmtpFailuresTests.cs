using System.Net.Mail;
using System.Net.Sockets;
using IntakePipeline.Pipeline.Mail;

namespace IntakePipeline.Pipeline.Tests.Mail;

public sealed class SmtpFailuresTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "nobody@example.cn"), nameof(SmtpFailureKind.Permanent) },
        { new SmtpFailedRecipientException(SmtpStatusCode.MailboxNameNotAllowed, "bad@example.cn"), nameof(SmtpFailureKind.Permanent) },
        { new SmtpException(SmtpStatusCode.TransactionFailed), nameof(SmtpFailureKind.Permanent) },
        { new SmtpException(SmtpStatusCode.SyntaxError), nameof(SmtpFailureKind.Permanent) },
        { new SmtpException(SmtpStatusCode.CommandUnrecognized), nameof(SmtpFailureKind.Transient) },
        { new SmtpException((SmtpStatusCode)535), nameof(SmtpFailureKind.Transient) },
        { new SmtpFailedRecipientsException("two", [new SmtpFailedRecipientException(SmtpStatusCode.MailboxUnavailable, "a@example.cn")]), nameof(SmtpFailureKind.Permanent) },
        { new SmtpFailedRecipientException(SmtpStatusCode.MailboxBusy, "busy@example.cn"), nameof(SmtpFailureKind.Transient) },
        { new SmtpException(SmtpStatusCode.InsufficientStorage), nameof(SmtpFailureKind.Transient) },
        { new SmtpException(SmtpStatusCode.MustIssueStartTlsFirst), nameof(SmtpFailureKind.Transient) },
        { new SmtpException(SmtpStatusCode.ServiceNotAvailable), nameof(SmtpFailureKind.Unreachable) },
        { new SmtpException("Failure sending mail.", new SocketException((int)SocketError.ConnectionRefused)), nameof(SmtpFailureKind.Unreachable) },
        { new SmtpException("Failure sending mail.", new IOException("reset")), nameof(SmtpFailureKind.Unreachable) },
        { new SmtpException("Failure sending mail."), nameof(SmtpFailureKind.Transient) },
        { new IOException("broken pipe"), nameof(SmtpFailureKind.Unreachable) },
        { new FormatException("The specified string is not in the form required for an e-mail address."), nameof(SmtpFailureKind.Permanent) },
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
}
