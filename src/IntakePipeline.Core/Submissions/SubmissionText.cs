using System.Text;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Detects how a text submission (CSV or JSON) is encoded, as docs/submitting.md (Formats) asks: UTF-8 with or without
/// a byte order mark, else GB18030 (what Excel and Notepad write as "ANSI" on Chinese Windows). Anything else, and any
/// binary content, is refused with the byte offset where it stops being text.
/// </summary>
internal static class SubmissionText
{
    /// <summary>The name reported for UTF-8 without a byte order mark.</summary>
    public const string Utf8 = "UTF-8";

    /// <summary>The name reported for UTF-8 with a byte order mark.</summary>
    public const string Utf8Bom = "UTF-8-BOM";

    /// <summary>The name reported for GB18030 (and its subsets GBK and GB2312).</summary>
    public const string Gb18030 = "GB18030";

    private static readonly Encoding _gb18030 = CreateGb18030();

    /// <summary>
    /// Decides the encoding. For UTF-8 the bytes are returned as they are (without the byte order mark); for GB18030
    /// they are returned transcoded to UTF-8, so that every parser downstream reads UTF-8 only.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="utf8">The content as UTF-8, when readable.</param>
    /// <param name="encoding">The detected encoding's name, when readable.</param>
    /// <returns>Null when the content is text, else the <c>unreadable-file</c> issue that says why not.</returns>
    public static ValidationIssue? Detect(ReadOnlyMemory<byte> content, out ReadOnlyMemory<byte> utf8, out string encoding)
    {
        utf8 = default;
        encoding = Utf8;
        var bytes = content.Span;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return SubmissionReadIssues.Utf16Text();
        }

        // NUL never occurs in UTF-8 or GB18030 text, and both decoders would accept it.
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return SubmissionReadIssues.BinaryText(nul);
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            var body = content[Encoding.UTF8.Preamble.Length..];
            if (!System.Text.Unicode.Utf8.IsValid(body.Span))
            {
                return SubmissionReadIssues.BinaryText(Encoding.UTF8.Preamble.Length + FirstInvalidUtf8(body.Span));
            }

            utf8 = body;
            encoding = Utf8Bom;
            return null;
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            utf8 = content;
            return null;
        }

        try
        {
            utf8 = Encoding.UTF8.GetBytes(_gb18030.GetString(bytes));
        }
        catch (DecoderFallbackException e)
        {
            return SubmissionReadIssues.BinaryText(e.Index);
        }

        encoding = Gb18030;
        return null;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return 0;
        }
        catch (DecoderFallbackException e)
        {
            return e.Index;
        }
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
