using System.Globalization;
using System.Net;
using System.Text;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Alerts.Internals;

/// <summary>
/// Submitted text made safe for an email. The formula rule and HTML escaping are <see cref="SafeText"/>'s; this adds
/// only what a mail needs on top: control and invisible format characters (line breaks, bidi overrides) are removed so
/// that a value cannot forge lines in the plain-text part or in a subject.
/// </summary>
internal static class MailText
{
    /// <summary>Submitted text for the plain-text part or a subject: single-line and formula-neutralised.</summary>
    public static string Plain(string? text) => text is null ? string.Empty : SafeText.NeutralizeFormula(SingleLine(text));

    /// <summary>
    /// Composed plain text (whose submitted parts went through <see cref="Plain"/>) for the HTML part: escaped, with
    /// its own line breaks kept as <c>&lt;br&gt;</c>. It is not neutralised again: the system's own figures, such as a
    /// gap of <c>-2.27 万户</c>, are never prefixed against formula injection (docs/evaluation.md).
    /// </summary>
    public static string Html(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters, ending in "…".</summary>
    public static string Shorten(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");

    private static string SingleLine(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                result.Append(' ');
            }
            else if (!IsUnsafe(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
