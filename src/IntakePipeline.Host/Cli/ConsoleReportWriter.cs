using System.Globalization;
using System.Text;
using IntakePipeline.Core;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Host.Cli;

/// <summary>Prints a validation report as a readable Chinese table for a terminal.</summary>
internal static class ConsoleReportWriter
{
    private static readonly string[] _headers = ["行", "列", "级别", "代码", "值", "说明"];

    public static void Write(TextWriter output, ValidationReport report, string fileName, string submitter, YearMonth period)
    {
        var name = Submitters.Find(submitter)?.Name ?? submitter;
        output.WriteLine($"文件：{fileName}　报送单位：{name}（{submitter}）　期间：{period}" +
            (report.Encoding is null ? string.Empty : $"　编码：{report.Encoding}"));
        output.WriteLine(report.Accepted
            ? $"结果：通过 ✔　{report.Observations.Count} 个指标入库，{report.WarningCount} 条警告。"
            : $"结果：退回 ✘　{report.ErrorCount} 个错误，{report.WarningCount} 条警告。请逐条修改后重新上传整个文件。");
        if (report.Issues.Count == 0)
        {
            return;
        }

        var rows = report.Issues.Select(issue => new[]
        {
            issue.Row?.ToString(CultureInfo.InvariantCulture) ?? "—",
            issue.Column ?? "—",
            issue.Severity == IssueSeverity.Error ? "错误" : "警告",
            issue.Code,
            Truncate(issue.Value ?? "—", 16),
            issue.Message,
        }).ToList();
        var widths = _headers.Select((h, i) => Math.Max(DisplayWidth(h), i == 5 ? 0 : rows.Max(r => DisplayWidth(r[i])))).ToArray();
        output.WriteLine();
        output.WriteLine(FormatRow(_headers, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', Math.Max(w, 4)))));
        foreach (var row in rows)
        {
            output.WriteLine(FormatRow(row, widths));
        }
    }

    private static string FormatRow(IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            line.Append(cells[i]);
            if (i < cells.Count - 1)
            {
                line.Append(' ', widths[i] - DisplayWidth(cells[i]) + 2);
            }
        }

        return line.ToString();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    // CJK and full-width characters take two terminal columns.
    private static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c >= '\u1100' && (c <= '\u115F' || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3')
                || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE30' && c <= '\uFE4F') || (c >= '\uFF00' && c <= '\uFF60')
                || (c >= '\uFFE0' && c <= '\uFFE6')) ? 2 : 1;
        }

        return width;
    }
}
