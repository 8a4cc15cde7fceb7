using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Forward-only reading of SpreadsheetML parts with <see cref="XmlReader"/>, so that memory stays proportional to what
/// is kept, not to the part's size. Elements are matched by local name, which covers both the transitional and the
/// strict namespaces.
/// </summary>
internal static class XlsxXml
{
    /// <summary>Opens a part for reading: no DTDs (so no entity expansion), at most the unpacked cap in characters.</summary>
    public static XmlReader OpenPart(OpenXmlPart part, LimitsOptions limits) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings(limits));

    /// <summary>The settings every part is read with: no DTDs (so no entity expansion), at most the unpacked cap in characters.</summary>
    public static XmlReaderSettings Settings(LimitsOptions limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = limits.MaxUnpackedBytes,
        CloseInput = true,
    };

    /// <summary>The part's name as it appears in the zip, for messages: <c>xl/worksheets/sheet1.xml</c>.</summary>
    public static string PartName(OpenXmlPart part) => part.Uri.OriginalString.TrimStart('/');

    /// <summary>
    /// The text of an element such as <c>&lt;v&gt;</c> or <c>&lt;t&gt;</c>. The reader is on its start tag, and is left
    /// on its end tag (or on the start tag when it is empty).
    /// </summary>
    public static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? first = null;
        StringBuilder? joined = null;
        while (reader.Read() && !IsEndOf(reader, depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                Append(ref first, ref joined, reader.Value);
            }
        }

        return joined?.ToString() ?? first ?? string.Empty;
    }

    /// <summary>
    /// The text of a shared string item (<c>&lt;si&gt;</c>) or an inline string (<c>&lt;is&gt;</c>): its runs joined,
    /// phonetic guides (<c>&lt;rPh&gt;</c>) left out, and <c>_xHHHH_</c> escapes decoded. Leaves the reader as
    /// <see cref="ReadText"/> does.
    /// </summary>
    public static string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? first = null;
        StringBuilder? joined = null;
        while (reader.Read() && !IsEndOf(reader, depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "rPh")
            {
                SkipElement(reader);
            }
            else if (reader.LocalName == "t")
            {
                Append(ref first, ref joined, ReadText(reader));
            }
        }

        return Unescape(joined?.ToString() ?? first ?? string.Empty);
    }

    /// <summary>Moves from an element's start tag to its end tag, skipping its content.</summary>
    public static void SkipElement(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (reader.Read() && !IsEndOf(reader, depth))
        {
        }
    }

    /// <summary>True when the reader is on the end tag of the element that started at <paramref name="depth"/>.</summary>
    public static bool IsEndOf(XmlReader reader, int depth) =>
        reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth;

    /// <summary>Decodes the <c>_xHHHH_</c> escapes of ECMA-376 strings, such as <c>_x000D_</c> for a carriage return.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var decoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                decoded.Append((char)code);
                i += 6;
            }
            else
            {
                decoded.Append(text[i]);
            }
        }

        return decoded.ToString();
    }

    private static void Append(ref string? first, ref StringBuilder? joined, string text)
    {
        if (joined is not null)
        {
            joined.Append(text);
        }
        else if (first is null)
        {
            first = text;
        }
        else
        {
            joined = new StringBuilder(first).Append(text);
        }
    }
}
