using System.Globalization;
using IntakePipeline.Core.Alerts.Internals;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Alerts;

public sealed partial class AlertEmailComposer
{
    /// <summary>The most issues a receipt lists; the rest are counted and left to the full report.</summary>
    internal const int MaxReceiptIssues = 50;

    /// <summary>
    /// Composes the receipt for the uploader: which file was rejected (or accepted with warnings), its issues with row,
    /// column, value and the Chinese message (errors first, then warnings, each in report order; at most
    /// <see cref="MaxReceiptIssues"/>, with 另有 N 条 and the report's location for the rest), where the full report is,
    /// and how to fix and re-upload the file: into the same container and period folder, where it replaces this
    /// submission, with the period's template (<see cref="SubmissionReceipt.TemplateBlob"/>) for a fresh start. For a
    /// file that is not a submission (<see cref="SubmissionReceipt.Misplaced"/>), it says instead that the file was not
    /// processed and where it belongs: <c>intake-{code}/{yyyy-MM}/文件名</c>, with the month being collected as the example.
    /// </summary>
    /// <param name="receipt">What happened to the file.</param>
    /// <returns>The email, e.g. subject <c>【退回】遵义市 2024-06 文件未通过校验：遵义市-2024-06.csv</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="receipt"/> is null.</exception>
    public AlertEmail ComposeReceipt(SubmissionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var place = AlertWording.Place(receipt.Submitter);
        // A submission's name is {yyyy-MM}/{file}; anything after the first slash is the file as the uploader named it.
        var slash = receipt.BlobName.IndexOf('/', StringComparison.Ordinal);
        var file = MailText.Plain(slash < 0 ? receipt.BlobName : receipt.BlobName[(slash + 1)..]);
        var folder = receipt.Period?.ToString() ?? (slash < 0 ? null : MailText.Plain(receipt.BlobName[..slash]));
        var container = SubmissionBlobName.IntakeContainer(receipt.Submitter);

        var issues = new List<ValidationIssue>(receipt.Issues.Count);
        foreach (var severity in (ReadOnlySpan<IssueSeverity>)[IssueSeverity.Error, IssueSeverity.Warning])
        {
            foreach (var issue in receipt.Issues)
            {
                if (issue.Severity == severity)
                {
                    issues.Add(issue);
                }
            }
        }

        var errors = issues.Count(i => i.Severity == IssueSeverity.Error);
        var warnings = issues.Count - errors;
        var period = receipt.Period is { } p ? $" {p}" : string.Empty;
        var shortFile = MailText.Shorten(file, 80);
        var (subject, heading, outcome, accent) = receipt.Misplaced is not null
            ? ($"【未处理】{place} 文件不在期间目录中：{shortFile}", "文件位置不对，未处理", "未处理（文件位置不对）", "#b00020")
            : receipt.Accepted
            ? warnings > 0
                ? ($"【已接收（有警告）】{place}{period} 文件已接收，{warnings} 条警告请核实：{shortFile}", "文件已接收（有警告）", "已接收（有警告）", "#a66300")
                : ($"【已接收】{place}{period} 文件已接收：{shortFile}", "文件已接收", "已接收", ResolvedColor)
            : ($"【退回】{place}{period} 文件未通过校验：{shortFile}", "文件未通过校验，已退回", "已退回", "#b00020");
        var mail = new MailDocument(subject, $"{heading} · {place}", accent);

        var what = $"{place}上传的{period} 数据文件「{file}」";
        mail.Paragraph(receipt.Misplaced is not null
            ? $"{place}上传的文件「{MailText.Plain(receipt.BlobName)}」不在期间目录中，系统没有校验它，其中的数据均未入库。请把文件移到（或重新上传到）下面所示的正确目录。"
            : receipt.Accepted
            ? $"{what}已通过校验并入库" + (warnings > 0 ? $"，但有 {warnings} 条警告，请逐条核实。" : "。")
            : $"{what}未通过校验，已被退回，文件中的数据均未入库。共发现 {errors} 个错误、{warnings} 条警告，请按下列问题修改后重新上传。");

        var facts = new List<KeyValuePair<string, string>>(8)
        {
            new("报送单位", $"{place}（{receipt.Submitter}）"),
            new("文件", file),
            new("上传位置", folder is null ? $"容器 {container} 的根目录" : $"容器 {container}，目录 {folder}/"),
            new("期间", receipt.Period?.ToString() ?? "无法从路径识别"),
        };
        if (receipt.Misplaced is { } misplaced)
        {
            facts.Add(new("正确位置", $"{container}/yyyy-MM/文件名（例如 {MailText.Plain(misplaced.ExamplePath)}）"));
        }

        if (receipt.SubmissionId is { } submissionId)
        {
            facts.Add(new("提交编号", MailText.Plain(submissionId)));
        }

        facts.Add(new("结果", outcome));
        facts.Add(new("问题", $"{errors} 个错误，{warnings} 条警告"));
        facts.Add(new("完整报告", MailText.Plain(receipt.ReportBlob)));
        var template = receipt.TemplateBlob is { } templateBlob ? MailText.Plain(templateBlob) : null;
        if (template is not null)
        {
            facts.Add(new("报送模板", template));
        }

        mail.Facts(facts);

        if (issues.Count > 0)
        {
            var shown = Math.Min(issues.Count, MaxReceiptIssues);
            mail.Section(shown < issues.Count ? $"问题清单（共 {issues.Count} 条，列出前 {shown} 条）" : $"问题清单（共 {issues.Count} 条）");
            var rows = new List<TableRow>(shown);
            for (var i = 0; i < shown; i++)
            {
                rows.Add(IssueRow(issues[i]));
            }

            mail.Table(["级别", "行", "列", "值", "说明"], rows, shortColumns: 3);
            if (shown < issues.Count)
            {
                mail.Callout($"另有 {issues.Count - shown} 条问题未在邮件中列出，请查看完整报告：{MailText.Plain(receipt.ReportBlob)}", "#a66300");
            }
        }

        mail.Section("完整报告");
        mail.Paragraph("完整的校验报告（含全部问题）请点击下面的链接打开：");
        mail.Link(receipt.ReportLink);
        mail.Paragraph($"链接只能读取这一份报告，有效期有限；过期后请用本单位报告容器 {SubmissionBlobName.ReportContainer(receipt.Submitter)} "
            + $"的读取权限打开 {MailText.Plain(receipt.ReportBlob)}。");

        if (receipt.Misplaced is { } wrongPlace)
        {
            mail.Section("如何处理");
            mail.Steps(
            [
                $"报送文件必须放在以数据所属月份命名的一层目录中：{container}/yyyy-MM/文件名，扩展名为 .csv、.xlsx 或 .json。",
                $"例如 {wrongPlace.ExamplePeriod} 的数据，应放在 {MailText.Plain(wrongPlace.ExamplePath)}。",
                "请把文件移到（或重新上传到）正确的目录；放对位置后系统会自动校验，并发送新的回执。放错位置的这份文件不会被处理。",
            ]);
            return mail.Finish(subject, Footer(receipt.CorrelationId));
        }

        mail.Section(receipt.Accepted ? "如需更正" : "如何修改并重新上传");
        var target = receipt.Period is { } month
            ? $"容器 {container} 的同一期间目录 {month}/"
            : $"容器 {container} 的期间目录（路径格式为 yyyy-MM/文件名，扩展名 .csv、.xlsx 或 .json，例如 2024-06/{place}-2024-06.csv）";
        var templateStep = template is null ? null : $"如需标准模板，可下载本单位本期的 XLSX 模板：{template}（与报告在同一报告容器中），把数据填入后上传。";
        List<string> steps = receipt.Accepted
            ?
            [
                "请逐条核实上面的警告；数据无误时无需处理。",
                $"如需更正，修改后将整个文件重新上传到{target}；新上传的文件会替换本次提交，无需删除原文件。",
            ]
            :
            [
                "按上面的问题清单逐条修改：错误必须改正，警告请核实。行号是电子表格中显示的行号，列是文件中的表头。",
                $"将修改后的整个文件重新上传到{target}；新上传的文件会替换本次提交，无需删除原文件。",
                "上传后系统会自动重新校验，并发送新的回执。",
            ];
        if (templateStep is not null)
        {
            steps.Insert(receipt.Accepted ? 2 : 1, templateStep);
        }

        mail.Steps(steps);
        return mail.Finish(subject, Footer(receipt.CorrelationId));
    }

    private static TableRow IssueRow(ValidationIssue issue)
    {
        var error = issue.Severity == IssueSeverity.Error;
        return new TableRow(
            [
                error ? "错误" : "警告",
                issue.Row?.ToString(CultureInfo.InvariantCulture) ?? "（整个文件）",
                issue.Column is null ? DisplayNumber.None : MailText.Plain(issue.Column),
                issue.Value switch
                {
                    null => DisplayNumber.None,
                    "" => "（空）",
                    _ => MailText.Plain(issue.Value),
                },
                MailText.Plain(issue.Message),
            ],
            error ? "#b00020" : "#a66300");
    }
}
