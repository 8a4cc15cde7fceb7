using System.Text;
using System.Text.Json;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Reads a JSON submission: an array of row objects whose keys are the headers, in order of first appearance. A value
/// becomes text: a string as written, a number as its raw text, <c>true</c>/<c>false</c>, null as blank, and a nested
/// object or array as its raw JSON (which validation then reports as a type error). The row number is the 1-based
/// index in the array.
/// </summary>
internal static class JsonSubmissionReader
{
    /// <summary>The deepest nesting accepted; a row object sits at depth 2.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonDocumentOptions _options = new() { MaxDepth = MaxDepth };

    /// <summary>Reads the file's bytes into a table; never throws for bad content.</summary>
    public static SubmissionTable Read(ReadOnlyMemory<byte> content, LimitsOptions limits)
    {
        if (content.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        if (content.Span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return Failed(SubmissionReadIssues.Empty());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, _options);
        }
        catch (JsonException e)
        {
            return Failed(SubmissionReadIssues.MalformedJson(e.LineNumber, e.BytePositionInLine));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return Failed(SubmissionReadIssues.JsonNotAnArray(KindName(root.ValueKind)));
            }

            var builder = SubmissionTableBuilder.ForKeys(limits);
            var keysInRow = new HashSet<string>(StringComparer.Ordinal);
            var number = 0;
            foreach (var element in root.EnumerateArray())
            {
                number++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    builder.Fail(SubmissionReadIssues.JsonRowNotAnObject(number, KindName(element.ValueKind)));
                    break;
                }

                builder.BeginRow(number);
                keysInRow.Clear();
                foreach (var property in element.EnumerateObject())
                {
                    // Two values for one key would otherwise be decided silently by whichever comes last.
                    if (!keysInRow.Add(property.Name))
                    {
                        builder.Fail(SubmissionReadIssues.JsonDuplicateKey(number, property.Name));
                        break;
                    }

                    builder.SetCell(builder.ColumnFor(property.Name), CellText(property.Value));
                }

                builder.EndRow();
                if (builder.IsStopped)
                {
                    break;
                }
            }

            return builder.Build(SubmissionFormat.Json, null);
        }
    }

    private static string CellText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "对象",
        JsonValueKind.Array => "数组",
        JsonValueKind.String => "字符串",
        JsonValueKind.Number => "数字",
        JsonValueKind.True or JsonValueKind.False => "布尔值",
        _ => "null",
    };

    private static SubmissionTable Failed(Validation.ValidationIssue issue) =>
        SubmissionTableBuilder.Failed(SubmissionFormat.Json, null, issue);
}
