using System.Text.Json;

namespace IntakePipeline.Testing;

/// <summary>One message as maildev's <c>GET /api/email</c> reports it.</summary>
/// <param name="Id">maildev's id of the message.</param>
/// <param name="Subject">The decoded subject.</param>
/// <param name="From">The From addresses.</param>
/// <param name="To">The To addresses.</param>
/// <param name="Text">The plain-text part, or <see langword="null"/>.</param>
/// <param name="Html">The HTML part, or <see langword="null"/>.</param>
/// <param name="Headers">The headers, by lower-case name; a value is a string or an array of strings.</param>
public sealed record MaildevEmail(
    string Id,
    string? Subject,
    IReadOnlyList<MaildevAddress> From,
    IReadOnlyList<MaildevAddress> To,
    string? Text,
    string? Html,
    IReadOnlyDictionary<string, JsonElement> Headers);
