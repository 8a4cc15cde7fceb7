using System.Globalization;
using System.Net;
using System.Text;
using IntakePipeline.Core.Formatting;

namespace IntakePipeline.Core.Validation;

/// <summary>
/// Renders a validation report as a self-contained Chinese HTML page for the uploader: outcome, what to do next, every
/// issue with row, column and value, and the accepted values. Every string is HTML-escaped; only what came from the
/// submission (the file's name, a column, a value) is also neutralised against formula injection, never the system's
/// own text. Accepted values are shown exactly as stored, as the issue messages quote them.
/// </summary>
public static class ValidationReportHtml
{
    /// <summary>Renders the page.</summary>
    /// <param name="report">The report.</param>
    /// <param name="title">The file the report is about, e.g. <c>intake-520300/2024-06/遵义-6月.csv</c>.</param>
    /// <param name="facts">Label/value pairs shown under the title (报送单位, 期间, 提交编号, …).</param>
    /// <param name="template">
    /// The submitter's template for the period, to link from the page: its link (relative to the page, or absolute)
    /// and the place it is shown as (e.g. <c>reports-520300/templates/2024-06.xlsx</c>); null for no link.
    /// </param>
    public static string Render(
        ValidationReport report,
        string title,
        IReadOnlyList<KeyValuePair<string, string>> facts,
        (string Href, string Place)? template = null)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>校验报告 ")
            .Append(SafeText.Html(title))
            .Append("</title><style>body{font-family:'Microsoft YaHei',sans-serif;margin:2em;color:#222}")
            .Append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
            .Append("th{background:#f2f2f2}.error{color:#b00020}.warning{color:#a66300}.ok{color:#1b7d2a}")
            // Short labels (row, column name, severity, code) stay on one line next to a long message.
            .Append(".short{white-space:nowrap;min-width:3em}</style></head><body>");
        html.Append("<h1>数据校验报告</h1><p>").Append(SafeText.Html(title)).Append("</p><table>");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><th>").Append(Escape(label)).Append("</th><td>").Append(Escape(value)).Append("</td></tr>");
        }

        html.Append("<tr><th>文件编码</th><td>").Append(Escape(report.Encoding ?? "—")).Append("</td></tr></table>");
        if (report.Accepted)
        {
            html.Append("<h2 class=\"ok\">结果：已接收</h2><p>").Append(report.Observations.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" 个指标已入库");
            html.Append(report.WarningCount > 0 ? $"，另有 {report.WarningCount} 条警告，请核实。" : "。").Append("</p>");
        }
        else if (report.Issues.Any(i => i.Code == IssueCodes.NotASubmission))
        {
            // A misplaced file was never validated: re-uploading it to the same place changes nothing.
            html.Append("<h2 class=\"error\">结果：未处理（文件位置不对）</h2><p>本文件不在期间目录中，系统没有校验它，其中的数据均未入库。")
                .Append("请按下表的说明把文件移到（或重新上传到）正确的期间目录；放对位置后系统会自动校验，并发送新的回执。放错位置的这份文件不会被处理。</p>");
        }
        else
        {
            html.Append("<h2 class=\"error\">结果：已退回</h2><p>发现 ").Append(report.ErrorCount.ToString(CultureInfo.InvariantCulture))
                .Append(" 个错误、").Append(report.WarningCount.ToString(CultureInfo.InvariantCulture))
                .Append(" 条警告。本文件的数据均未入库。请按下表逐条修改后，将整个文件重新上传到同一目录；新文件会替换本次提交。</p>");
        }

        if (template is { } link)
        {
            html.Append("<p>本单位本期的标准模板（XLSX）：<a href=\"").Append(SafeText.Html(link.Href)).Append("\">")
                .Append(SafeText.Html(link.Place)).Append("</a>。可把数据填入模板后上传。</p>");
        }

        if (report.Issues.Count > 0)
        {
            html.Append("<h2>问题清单</h2><table><tr><th class=\"short\">行</th><th class=\"short\">列</th><th class=\"short\">级别</th>")
                .Append("<th class=\"short\">代码</th><th>值</th><th>说明</th></tr>");
            foreach (var issue in report.Issues)
            {
                var error = issue.Severity == IssueSeverity.Error;
                html.Append("<tr class=\"").Append(error ? "error" : "warning").Append("\"><td class=\"short\">")
                    .Append(issue.Row?.ToString(CultureInfo.InvariantCulture) ?? "—").Append("</td><td class=\"short\">")
                    .Append(SafeText.Html(issue.Column ?? "—")).Append("</td><td class=\"short\">").Append(error ? "错误" : "警告").Append("</td><td class=\"short\">")
                    .Append(Escape(issue.Code)).Append("</td><td>").Append(SafeText.Html(issue.Value ?? "—")).Append("</td><td>")
                    .Append(Escape(issue.Message)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        if (report.Observations.Count > 0)
        {
            html.Append("<h2>入库数据</h2><table><tr><th>指标代码</th><th>数值</th><th>单位</th></tr>");
            foreach (var observation in report.Observations)
            {
                html.Append("<tr><td>").Append(Escape(observation.Indicator)).Append("</td><td>")
                    .Append(DisplayNumber.Exact(observation.Value)).Append("</td><td>")
                    .Append(Escape(observation.Unit)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
