using System.Globalization;
using IntakePipeline.Core.Alerts.Internals;
using IntakePipeline.Core.Intake;

namespace IntakePipeline.Core.Alerts;

/// <summary>Composes the operations email for a blob version given up on: what failed, how often, and how to retry.</summary>
public static class PoisonEmailComposer
{
    /// <summary>Composes the email, e.g. subject <c>【处理失败】intake-520300/2024-06/遵义.csv 已重试 5 次仍失败</c>.</summary>
    /// <param name="notice">The failure.</param>
    /// <returns>The email.</returns>
    public static AlertEmail Compose(PoisonNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var named = notice.BlobName.Length > 0;
        var blob = named ? MailText.Plain($"{notice.Container}/{notice.BlobName}") : "（队列消息未能读出文件）";
        var attempts = notice.Attempts.ToString(CultureInfo.InvariantCulture);
        var subject = named
            ? $"【处理失败】{MailText.Shorten(blob, 80)} 已重试 {attempts} 次仍失败"
            : "【处理失败】一条无法读取的事件消息已转入毒消息队列";
        var mail = new MailDocument(subject, "文件处理失败，需要运维处理", "#b00020");
        mail.Paragraph(named
            ? "管道多次处理下列文件均失败，已停止重试。源文件没有被修改或删除；报送单位不会收到回执，直到问题解决后重新处理。"
            : "事件队列中有一条消息不是可读的 Blob 创建事件，已停止重试。请检查 Event Grid 订阅或发送该消息的工具。");
        var facts = new List<KeyValuePair<string, string>>
        {
            new("文件", blob),
            new("版本 (ETag)", MailText.Plain(notice.ETag.Length > 0 ? notice.ETag : "—")),
            new("失败次数", attempts),
            new("最后的错误", MailText.Plain(notice.LastError.Length > 0 ? notice.LastError : "未记录（存储可能当时不可用）")),
            new("关联编号", MailText.Plain(notice.CorrelationId)),
        };
        if (named && SubmissionBlobName.SubmitterOf(notice.Container) is { } submitter)
        {
            facts.Insert(0, new("报送单位", $"{AlertWording.Place(submitter)}（{submitter}）"));
        }

        mail.Facts(facts);
        mail.Section("处理办法");
        mail.Steps(
        [
            "按关联编号在日志（Application Insights 或 intake run 的输出）中查找错误原因并修复，例如存储权限或配置。",
            "修复后重新处理所有失败的文件：",
        ]);
        mail.Command("intake retry --poison");
        return mail.Finish(subject, "此邮件由 IntakePipeline 在文件转入 Poison 表时自动发送。");
    }
}
