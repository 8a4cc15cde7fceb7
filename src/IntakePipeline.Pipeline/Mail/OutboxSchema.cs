using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>
/// The shape of the <c>Outbox</c> table (docs/tables.md). PartitionKey = the recipient address (escaped with
/// <see cref="TableKeys.Escape"/>); RowKey = what the message is about:
/// <c>alert|{h}</c> for an alert change and <c>item|{h}</c> for the same change waiting for a digest (h = the first 32
/// hex digits of SHA-256 of <see cref="Core.Alerts.AlertNotice.TransitionKey"/>, which is kept in <see cref="About"/>),
/// <c>receipt|{submissionId}</c> for a receipt, and <c>digest|{yyyy-MM-dd}</c> for a digest (its <see cref="Items"/> lists the item keys it holds).
/// </summary>
/// <remarks>
/// States: <see cref="Pending"/> (to send), <see cref="Sent"/>, <see cref="Failed"/> (given up, with
/// <see cref="LastError"/>); digest items are <see cref="Queued"/> until their digest is composed, then
/// <see cref="Digested"/>. A property holds at most 64 KiB (32,768 UTF-16 characters), so <see cref="Html"/>,
/// <see cref="Text"/> and <see cref="Notice"/> are split into <c>Html</c>, <c>Html2</c>, <c>Html3</c>, … of
/// <see cref="ChunkLength"/> characters, at most <see cref="MaxChunks"/> of them (the entity limit is 1 MiB); longer
/// text is cut with a note.
/// </remarks>
internal static class OutboxSchema
{
    public const string Pending = nameof(Pending);
    public const string Sent = nameof(Sent);
    public const string Failed = nameof(Failed);
    public const string Queued = nameof(Queued);
    public const string Digested = nameof(Digested);

    public const string KindAlert = "Alert";
    public const string KindReceipt = "Receipt";
    public const string KindDigest = "Digest";
    public const string KindDigestItem = "DigestItem";

    /// <summary>A message to the operations contacts, such as a poisoned blob version.</summary>
    public const string KindOperations = "Operations";

    public const string Subject = nameof(Subject);
    public const string Html = nameof(Html);
    public const string Text = nameof(Text);
    public const string State = nameof(State);
    public const string Attempts = nameof(Attempts);
    public const string SentAt = nameof(SentAt);
    public const string LastError = nameof(LastError);
    public const string MessageId = nameof(MessageId);
    public const string CorrelationId = nameof(CorrelationId);
    public const string Kind = nameof(Kind);
    public const string DigestDate = nameof(DigestDate);
    public const string About = nameof(About);
    public const string Notice = nameof(Notice);
    public const string QueuedAt = nameof(QueuedAt);
    public const string Items = nameof(Items);

    public const int ChunkLength = 30_000;
    public const int MaxChunks = 12;
    public const int MaxErrorLength = 2_000;

    private const string CutNote = "\n…（内容过长，已截断）";

    public static string PartitionKeyFor(string recipient)
    {
        var key = TableKeys.Escape(recipient);
        TableKeys.Validate(key, nameof(recipient));
        return key;
    }

    public static string RecipientOf(TableRow row) => TableKeys.Unescape(row.PartitionKey);

    public static string AlertKey(string transitionKey) => "alert|" + Hash(transitionKey);

    public static string ItemKey(string transitionKey) => "item|" + Hash(transitionKey);

    public static string ReceiptKey(string aboutKey) => "receipt|" + (TableKeys.IsValid(aboutKey) && aboutKey.Length <= 64 ? aboutKey : Hash(aboutKey));

    public static string OperationsKey(string aboutKey) => "ops|" + Hash(aboutKey);

    public static string DigestKey(DateOnly date) => "digest|" + FormatDate(date);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A stable RFC 5322 Message-ID for a row, so a re-send after a crash is recognisable as the same message.</summary>
    public static string MessageIdFor(string partitionKey, string rowKey) => $"<{Hash(partitionKey + "\n" + rowKey)}@intake.local>";

    public static void WriteLong(TableRow row, string name, string text)
    {
        var limit = ChunkLength * MaxChunks;
        if (text.Length > limit)
        {
            text = string.Concat(text.AsSpan(0, limit - CutNote.Length), CutNote);
        }

        for (var chunk = 0; chunk * ChunkLength < text.Length || chunk == 0; chunk++)
        {
            var start = chunk * ChunkLength;
            row[ChunkName(name, chunk)] = text.Substring(start, Math.Min(ChunkLength, text.Length - start));
        }
    }

    public static string ReadLong(TableRow row, string name)
    {
        var first = row.GetString(name) ?? string.Empty;
        if (row[ChunkName(name, 1)] is null)
        {
            return first;
        }

        var text = new StringBuilder(first);
        for (var chunk = 1; row.GetString(ChunkName(name, chunk)) is { } part; chunk++)
        {
            text.Append(part);
        }

        return text.ToString();
    }

    public static string Truncate(string error) =>
        error.Length <= MaxErrorLength ? error : string.Concat(error.AsSpan(0, MaxErrorLength - 1), "…");

    private static string ChunkName(string name, int chunk) =>
        chunk == 0 ? name : name + (chunk + 1).ToString(CultureInfo.InvariantCulture);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
