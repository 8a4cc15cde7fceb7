using System.Globalization;
using System.Net;
using System.Text;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Alerts;

/// <summary>
/// Turns alert notices, digests and submission receipts into Chinese emails. This is the mail branch's minimal
/// placeholder with the contract's signatures; the compose branch's full version (trajectory picture, plan source,
/// formula neutralisation) replaces it at merge.
/// </summary>
/// <param name="catalog">The plan catalog, for indicator names and units.</param>
public sealed class AlertEmailComposer(PlanCatalog catalog)
{
    /// <summary>Composes the email for one alert change, sent at once.</summary>
    /// <param name="notice">The change.</param>
    /// <returns>The email.</returns>
    public AlertEmail ComposeAlert(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var line = Describe(notice);
        var subject = $"【{KindName(notice.Kind)}】{line}";
        var html = $"<html><body><p>{Html(line)}</p>{Figures(notice)}</body></html>";
        return new AlertEmail(subject, html, line + "\n" + FiguresText(notice));
    }

    /// <summary>Composes one digest of the notices queued for a recipient.</summary>
    /// <param name="latestPeriod">The latest period the notices are about, or null.</param>
    /// <param name="digestDate">The local date of the digest.</param>
    /// <param name="notices">The notices, in any order.</param>
    /// <returns>The email.</returns>
    public AlertEmail ComposeDigest(YearMonth? latestPeriod, DateOnly digestDate, IReadOnlyList<AlertNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var date = digestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subject = $"【预警汇总】{date} 共 {notices.Count} 项" + (latestPeriod is { } p ? $"（截至 {p}）" : string.Empty);
        var html = new StringBuilder("<html><body><ul>");
        var text = new StringBuilder();
        foreach (var notice in notices)
        {
            var line = Describe(notice);
            html.Append("<li>").Append(Html(line)).Append(Figures(notice)).Append("</li>");
            text.Append("- ").AppendLine(line).AppendLine(FiguresText(notice));
        }

        html.Append("</ul></body></html>");
        return new AlertEmail(subject, html.ToString(), text.ToString());
    }

    /// <summary>Composes the receipt for a processed file: a rejection, or an acceptance with warnings.</summary>
    /// <param name="receipt">The receipt.</param>
    /// <returns>The email.</returns>
    public AlertEmail ComposeReceipt(SubmissionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var who = Submitters.Find(receipt.Submitter)?.Name ?? receipt.Submitter;
        var outcome = receipt.Accepted ? "已接收（有警告）" : "未通过校验";
        var subject = $"【报送回执】{who} {receipt.Period?.ToString() ?? string.Empty} {outcome}：{receipt.BlobName}";
        var html = new StringBuilder("<html><body><p>").Append(Html($"{receipt.BlobName} {outcome}")).Append("</p><ul>");
        var text = new StringBuilder().AppendLine($"{receipt.BlobName} {outcome}");
        foreach (var issue in receipt.Issues)
        {
            var line = IssueLine(issue);
            html.Append("<li>").Append(Html(line)).Append("</li>");
            text.Append("- ").AppendLine(line);
        }

        html.Append("</ul><p>").Append(Html($"完整报告：{receipt.ReportBlob}。请修改后重新上传。")).Append("</p></body></html>");
        text.AppendLine($"完整报告：{receipt.ReportBlob}。请修改后重新上传。");
        return new AlertEmail(subject, html.ToString(), text.ToString());
    }

    private static string KindName(AlertKind kind) => kind switch
    {
        AlertKind.Breach => "底线预警",
        AlertKind.Missing => "缺报提醒",
        _ => "滞后预警",
    };

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    private static string IssueLine(ValidationIssue issue) =>
        $"第 {issue.Row?.ToString(CultureInfo.InvariantCulture) ?? "—"} 行 {issue.Column ?? "—"} 列 值 {issue.Value ?? "—"}：{issue.Message}";

    private string Describe(AlertNotice notice)
    {
        var where = Submitters.Find(notice.Scope)?.Name ?? notice.Scope;
        var what = notice.Kind == AlertKind.Missing
            ? "报送文件"
            : catalog.FindIndicator(notice.Indicator)?.Name ?? notice.Indicator;
        return $"{where} {what} {notice.Period} {notice.Change} {notice.Status}".TrimEnd();
    }

    private string FiguresText(AlertNotice notice) => notice.Entry is not { } e
        ? string.Empty
        : $"实际 {Number(e.Actual)}，应达 {Number(e.Expected)}，目标 {Number(e.Target)}（{e.TargetDate}），滞后 {Number(e.Lag * 100)}% {catalog.FindIndicator(e.Indicator)?.Unit}";

    private string Figures(AlertNotice notice) => notice.Entry is null ? string.Empty : $"<p>{Html(FiguresText(notice))}</p>";
}
