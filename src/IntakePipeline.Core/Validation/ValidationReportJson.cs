using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntakePipeline.Core.Validation;

/// <summary>
/// Writes a <see cref="ValidationReport"/> in its one machine-readable shape, used by <c>intake validate --json</c> and
/// by the report blobs: <c>outcome</c>, <c>encoding</c>, <c>rowCount</c>, <c>errorCount</c>, <c>warningCount</c>,
/// <c>issues[]</c> and <c>observations[]</c>, after any header fields the caller adds (submitter, period, …). Each issue
/// has <c>code</c>, <c>severity</c>, <c>row</c>, <c>column</c>, <c>value</c>, <c>message</c> and <c>count</c>: how many
/// rows it stands for (see <see cref="ValidationIssue.Count"/>), 1 unless the same problem repeats.
/// </summary>
public static class ValidationReportJson
{
    /// <summary>Options that keep Chinese readable in the output.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report as one JSON object.</summary>
    /// <param name="output">The stream to write to; it is left open.</param>
    /// <param name="report">The report.</param>
    /// <param name="header">String fields written first, e.g. submitter, period and submissionId; null for none.</param>
    public static void Write(Stream output, ValidationReport report, IReadOnlyList<KeyValuePair<string, string>>? header = null)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        foreach (var (name, value) in header ?? [])
        {
            writer.WriteString(name, value);
        }

        writer.WriteString("outcome", report.Accepted ? "accepted" : "rejected");
        writer.WriteString("encoding", report.Encoding);
        writer.WriteNumber("rowCount", report.RowCount);
        writer.WriteNumber("errorCount", report.ErrorCount);
        writer.WriteNumber("warningCount", report.WarningCount);
        writer.WriteStartArray("issues");
        foreach (var issue in report.Issues)
        {
            writer.WriteStartObject();
            writer.WriteString("code", issue.Code);
            writer.WriteString("severity", issue.Severity == IssueSeverity.Error ? "error" : "warning");
            if (issue.Row is { } row)
            {
                writer.WriteNumber("row", row);
            }
            else
            {
                writer.WriteNull("row");
            }

            writer.WriteString("column", issue.Column);
            writer.WriteString("value", issue.Value);
            writer.WriteString("message", issue.Message);
            writer.WriteNumber("count", issue.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("observations");
        foreach (var observation in report.Observations)
        {
            writer.WriteStartObject();
            writer.WriteString("indicator", observation.Indicator);
            writer.WriteNumber("value", observation.Value);
            writer.WriteString("unit", observation.Unit);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
