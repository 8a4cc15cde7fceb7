using System.Text.Json;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// Reads a JSON submission: an array of row objects whose keys are the headers, in order of first appearance. A value
/// becomes text: a string as written, a number as its raw text, <c>true</c>/<c>false</c>, null as blank, and a nested
/// object or array as its raw JSON (which validation then reports as a type error). The row number is the 1-based
/// index in the array. The encoding is detected as for CSV (<see cref="SubmissionText"/>): UTF-8, or GB18030 when a
/// file was saved as "ANSI" on Chinese Windows.
/// </summary>
internal static class JsonSubmissionReader
{
    /// <summary>The deepest nesting accepted; a row object sits at depth 2.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonDocumentOptions _options = new() { MaxDepth = MaxDepth };

    /// <summary>Reads the file's bytes into a table; never throws for bad content.</summary>
    public static SubmissionTable Read(ReadOnlyMemory<byte> content, LimitsOptions limits)
    {
        if (SubmissionText.Detect(content, out var utf8, out var encoding) is { } unreadable)
        {
            return Failed(unreadable);
        }

        // Only the exception is named: UTF-8, the JSON standard's encoding, is what a JSON file is expected to be.
        var reported = encoding == SubmissionText.Gb18030 ? encoding : null;
        content = utf8;
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
                    // A lone surrogate escape (\ud800) is valid JSON syntax but no text: it cannot become a string.
                    if (!TryGetName(property, out var key))
                    {
                        builder.Fail(SubmissionReadIssues.JsonInvalidText(number, null));
                        break;
                    }

                    // Two values for one key would otherwise be decided silently by whichever comes last.
                    if (!keysInRow.Add(key))
                    {
                        builder.Fail(SubmissionReadIssues.JsonDuplicateKey(number, key));
                        break;
                    }

                    if (!TryGetCellText(property.Value, out var text))
                    {
                        builder.Fail(SubmissionReadIssues.JsonInvalidText(number, key.Trim()));
                        break;
                    }

                    builder.SetCell(builder.ColumnFor(key), text);
                }

                builder.EndRow();
                if (builder.IsStopped)
                {
                    break;
                }
            }

            return builder.Build(SubmissionFormat.Json, reported);
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

    private static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }

    private static bool TryGetCellText(JsonElement value, out string text)
    {
        try
        {
            text = CellText(value);
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

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
