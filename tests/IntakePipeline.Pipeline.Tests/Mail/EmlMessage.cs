using System.Text;
using System.Text.RegularExpressions;

namespace IntakePipeline.Pipeline.Tests.Mail;

/// <summary>
/// Just enough of a MIME reader for the tests: unfolded headers, RFC 2047 encoded-words, one level of multipart with
/// base64, quoted-printable or 7bit parts.
/// </summary>
internal sealed partial class EmlMessage
{
    private EmlMessage(Dictionary<string, string> headers, List<(string ContentType, string Body)> parts)
    {
        Headers = headers;
        Parts = parts;
    }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public IReadOnlyList<(string ContentType, string Body)> Parts { get; }

    public string Subject => DecodeWords(Headers.GetValueOrDefault("subject") ?? string.Empty);

    public string? Part(string mediaType) =>
        Parts.FirstOrDefault(p => p.ContentType.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase)).Body;

    public static EmlMessage Parse(string raw)
    {
        var (headers, body) = SplitHeaders(raw);
        var contentType = headers.GetValueOrDefault("content-type") ?? "text/plain";
        var parts = new List<(string, string)>();
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = BoundaryPattern().Match(contentType).Groups[1].Value;
            foreach (var section in body.Split("--" + boundary, StringSplitOptions.None).Skip(1))
            {
                if (section.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var (partHeaders, partBody) = SplitHeaders(section.TrimStart('\r', '\n'));
                parts.Add((partHeaders.GetValueOrDefault("content-type") ?? "text/plain", DecodeBody(partHeaders, partBody)));
            }
        }
        else
        {
            parts.Add((contentType, DecodeBody(headers, body)));
        }

        return new EmlMessage(headers, parts);
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? string.Empty : text[(end + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += line;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, body);
    }

    private static string DecodeBody(Dictionary<string, string> headers, string body)
    {
        var encoding = headers.GetValueOrDefault("content-transfer-encoding")?.Trim().ToLowerInvariant();
        return encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => QuotedPrintable(body.Replace("=\r\n", string.Empty, StringComparison.Ordinal)),
            _ => body,
        };
    }

    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static string DecodeWords(string header)
    {
        // Whitespace between adjacent encoded-words is not part of the text (RFC 2047 §6.2).
        var joined = AdjacentWordsPattern().Replace(header, "?==?");
        return EncodedWordPattern().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var payload = m.Groups[3].Value;
            return m.Groups[2].Value.ToUpperInvariant() == "B"
                ? charset.GetString(Convert.FromBase64String(payload))
                : QuotedPrintable(payload.Replace('_', ' '));
        });
    }

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWordsPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
