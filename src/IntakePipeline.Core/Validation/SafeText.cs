using System.Net;
using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Validation;

/// <summary>
/// Makes submitted text safe wherever it is shown again: a leading <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> on text that
/// is not a number gets an apostrophe so no spreadsheet runs it as a formula, and HTML gets escaped.
/// </summary>
public static class SafeText
{
    /// <summary>
    /// True when <paramref name="text"/> would be run as a formula by a spreadsheet: its trimmed text starts with =, +, -
    /// or @ and is not a number. A lone sign is not a formula (in a value column it is a type error instead).
    /// </summary>
    public static bool LooksLikeFormula(string text)
    {
        // Most cells start with a char that is neither a formula sign nor a space, and are settled by it alone.
        if (string.IsNullOrEmpty(text) || (text[0] is not ('=' or '+' or '-' or '@') && !char.IsWhiteSpace(text[0])))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        return span.Length > 1 && span[0] is '=' or '+' or '-' or '@' && !SubmissionNumber.IsNumber(span);
    }

    /// <summary>The text with a leading apostrophe when it looks like a formula; otherwise unchanged.</summary>
    public static string NeutralizeFormula(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>HTML-escaped, formula-neutralised text for a page or an email.</summary>
    public static string Html(string? text) => text is null ? string.Empty : WebUtility.HtmlEncode(NeutralizeFormula(text));
}
