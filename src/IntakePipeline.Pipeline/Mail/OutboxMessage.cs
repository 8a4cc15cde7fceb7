using System.Text;
using IntakePipeline.Storage;
using MimeKit;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>Builds the MIME message of one <c>Outbox</c> row.</summary>
internal static class OutboxMessage
{
    /// <summary>The header that carries the correlation id of what the message is about.</summary>
    public const string CorrelationHeader = "X-Intake-Correlation-Id";

    /// <summary>
    /// The message: From the sender of <paramref name="smtp"/>, To <paramref name="recipient"/>, the row's Subject and
    /// stable Message-ID, and a <c>multipart/alternative</c> body of the plain text and the HTML, both UTF-8 in base64.
    /// Chinese text in the Subject and the display names is written as RFC 2047 UTF-8 encoded-words.
    /// </summary>
    /// <exception cref="FormatException">The stored recipient is not an email address; no retry can fix it.</exception>
    public static MimeMessage Build(TableRow row, string recipient, SmtpOptions smtp)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Encoding.UTF8, smtp.FromName, smtp.From));
        message.To.Add(RecipientAddresses.Parse(recipient));
        message.Headers.Replace(HeaderId.Subject, Encoding.UTF8, row.GetString(OutboxSchema.Subject) ?? string.Empty);
        message.MessageId = (row.GetString(OutboxSchema.MessageId) ?? OutboxSchema.MessageIdFor(row.PartitionKey, row.RowKey)).Trim('<', '>');
        message.Headers.Add(CorrelationHeader, row.GetString(OutboxSchema.CorrelationId) ?? string.Empty);

        // multipart/alternative lists the preferred part last (RFC 2046 §5.1.4): plain text first, then HTML.
        message.Body = new MultipartAlternative
        {
            Part("plain", OutboxSchema.ReadLong(row, OutboxSchema.Text)),
            Part("html", OutboxSchema.ReadLong(row, OutboxSchema.Html)),
        };
        return message;
    }

    private static TextPart Part(string subtype, string content)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, content);
        return part;
    }
}
