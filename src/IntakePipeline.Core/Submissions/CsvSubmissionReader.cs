using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Reads a CSV submission: detects UTF-8 (with or without BOM) or GB18030, then reads comma-separated records with
/// CsvHelper. The record number is the row number, as Excel shows it: blank lines count, and a quoted field that spans
/// lines is one row.
/// </summary>
internal static class CsvSubmissionReader
{
    private static readonly CsvReaderOptions _options = CsvReaderOptions.Default with
    {
        // Comma only, as DESIGN.md's contract says: a detected ';' would turn a decimal comma into a separator.
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = false,
    };

    private static readonly Encoding _gb18030 = CreateGb18030();

    /// <summary>Reads the file's bytes into a table; never throws for bad content.</summary>
    public static SubmissionTable Read(ReadOnlyMemory<byte> content, LimitsOptions limits)
    {
        var bytes = content.Span;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Failed(SubmissionReadIssues.Utf16Text());
        }

        if (XlsxSubmissionReader.IsZip(bytes))
        {
            return Failed(SubmissionReadIssues.WorkbookNamedAsText(".csv"));
        }

        if (XlsxSubmissionReader.IsOleCompound(bytes))
        {
            return Failed(SubmissionReadIssues.LegacyOrEncryptedWorkbook());
        }

        // NUL never occurs in UTF-8 or GB18030 text, and both decoders would accept it.
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return Failed(SubmissionReadIssues.BinaryText(nul));
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            var body = content[Encoding.UTF8.Preamble.Length..];
            return Utf8.IsValid(body.Span)
                ? ReadRecords(CsvReader.Create(body, _options), "UTF-8-BOM", limits)
                : Failed(SubmissionReadIssues.BinaryText(Encoding.UTF8.Preamble.Length + FirstInvalidUtf8(body.Span)));
        }

        if (Utf8.IsValid(bytes))
        {
            return ReadRecords(CsvReader.Create(content, _options), "UTF-8", limits);
        }

        string text;
        try
        {
            text = _gb18030.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return Failed(SubmissionReadIssues.BinaryText(e.Index));
        }

        return ReadRecords(CsvReader.FromText(text, _options), "GB18030", limits);
    }

    private static SubmissionTable ReadRecords(CsvReader reader, string encoding, LimitsOptions limits)
    {
        var builder = SubmissionTableBuilder.ForHeaderRow(limits);
        using (reader)
        {
            var number = 0;
            while (!builder.IsStopped && reader.Read())
            {
                number++;
                builder.BeginRow(number);
                var count = reader.FieldCount;
                for (var i = 0; i < count; i++)
                {
                    if (!reader.IsEmpty(i))
                    {
                        builder.SetCell(i, reader.GetString(i));
                    }
                }

                builder.EndRow();
            }
        }

        return builder.Build(SubmissionFormat.Csv, encoding);
    }

    private static SubmissionTable Failed(Validation.ValidationIssue issue) =>
        SubmissionTableBuilder.Failed(SubmissionFormat.Csv, null, issue);

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
