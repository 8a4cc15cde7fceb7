using CsvHelper;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Reads a CSV submission: detects UTF-8 (with or without BOM) or GB18030 (<see cref="SubmissionText"/>), then reads
/// comma-separated records with CsvHelper. The record number is the row number, as Excel shows it: blank lines count,
/// and a quoted field that spans lines is one row.
/// </summary>
/// <remarks>
/// CsvHelper recovers from unbalanced quotes silently, so the quoting is checked here: a quoted field that never
/// closes, or that runs over what were meant to be further rows (a line inside it holds a separator), is an error on
/// the row where it opened, since the rows it swallowed would otherwise disappear (docs/submitting.md: "Nothing is
/// dropped silently").
/// </remarks>
internal static class CsvSubmissionReader
{
    private const char Separator = ',';

    private static readonly CsvReaderOptions _options = CsvReaderOptions.Default with
    {
        // Comma only, as docs/submitting.md says: a detected ';' would turn a decimal comma into a separator.
        Separator = Separator,
        HasHeader = false,
        SkipEmptyLines = false,
    };

    /// <summary>Reads the file's bytes into a table; never throws for bad content.</summary>
    public static SubmissionTable Read(ReadOnlyMemory<byte> content, LimitsOptions limits)
    {
        var bytes = content.Span;
        if (XlsxSubmissionReader.IsZip(bytes))
        {
            return Failed(SubmissionReadIssues.WorkbookNamedAsText(".csv"));
        }

        if (XlsxSubmissionReader.IsOleCompound(bytes))
        {
            return Failed(SubmissionReadIssues.LegacyOrEncryptedWorkbook());
        }

        return SubmissionText.Detect(content, out var utf8, out var encoding) is { } issue
            ? Failed(issue)
            : ReadRecords(utf8, encoding, limits);
    }

    private static SubmissionTable ReadRecords(ReadOnlyMemory<byte> utf8, string encoding, LimitsOptions limits)
    {
        var builder = SubmissionTableBuilder.ForHeaderRow(limits);
        var unterminated = false;
        var options = _options with { OnMalformedRecord = record => unterminated |= record.Reason == CsvMalformedReason.UnterminatedQuote };
        using var reader = CsvReader.Create(utf8, options);
        var number = 0;
        while (!builder.IsStopped && reader.Read())
        {
            number++;
            builder.BeginRow(number);
            var count = reader.FieldCount;
            for (var i = 0; i < count; i++)
            {
                if (reader.IsEmpty(i))
                {
                    continue;
                }

                var text = reader.GetString(i);
                builder.SetCell(i, text);
                if (unterminated && i == count - 1)
                {
                    builder.AddIssue(SubmissionReadIssues.UnterminatedQuote(number, builder.HeaderName(i), LineCount(text)));
                }
                else if (SwallowedLines(text) is > 0 and var swallowed)
                {
                    builder.AddIssue(SubmissionReadIssues.QuoteAcrossRows(number, builder.HeaderName(i), swallowed));
                }
            }

            builder.EndRow();
            unterminated = false;
        }

        return builder.Build(SubmissionFormat.Csv, encoding);
    }

    /// <summary>
    /// How many lines inside a quoted field look like rows of their own (they hold a separator); 0 for a field without
    /// line breaks, or a note typed over several lines.
    /// </summary>
    private static int SwallowedLines(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            return 0;
        }

        var swallowed = 0;
        var first = true;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!first && line.Contains(Separator))
            {
                swallowed++;
            }

            first = false;
        }

        return swallowed;
    }

    private static int LineCount(string text)
    {
        var lines = 0;
        foreach (var line in text.AsSpan().TrimEnd("\r\n").EnumerateLines())
        {
            lines++;
        }

        return lines;
    }

    private static SubmissionTable Failed(Validation.ValidationIssue issue) =>
        SubmissionTableBuilder.Failed(SubmissionFormat.Csv, null, issue);
}
