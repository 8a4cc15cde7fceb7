using System.Net.Mail;
using System.Text;
using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests.Testing;

public sealed class MaildevServerTests(MaildevServer maildev) : IClassFixture<MaildevServer>
{
    [Fact]
    public async Task GetEmailsAsync_AfterSmtpClientSends_ListsTheChineseMessage()
    {
        await maildev.DeleteAllEmailsAsync();
        using var smtp = new SmtpClient(maildev.SmtpHost, maildev.SmtpPort);
        using var message = new MailMessage("intake@example.cn", "urbanization-office@example.cn")
        {
            Subject = "【提醒】遵义市 2024-06 数据未按时报送",
            Body = "遵义市（520300）尚未提交 2024-06 的数据。",
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };

        await smtp.SendMailAsync(message);
        var received = Assert.Single(await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(10)));

        Assert.Equal("【提醒】遵义市 2024-06 数据未按时报送", received.Subject);
        Assert.Equal("urbanization-office@example.cn", Assert.Single(received.To).Address);
        Assert.Contains("尚未提交", received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_ThenStartAsync_AcceptsMailAgainOnTheSamePort()
    {
        if (maildev.IsExternal)
        {
            return;
        }

        var port = maildev.SmtpPort;
        await maildev.StopAsync();
        using (var refused = new SmtpClient(maildev.SmtpHost, port))
        {
            await Assert.ThrowsAsync<SmtpException>(() => refused.SendMailAsync("a@example.cn", "b@example.cn", "down", "down"));
        }

        await maildev.StartAsync();
        using var smtp = new SmtpClient(maildev.SmtpHost, maildev.SmtpPort);
        await smtp.SendMailAsync("a@example.cn", "b@example.cn", "恢复后", "body");
        var emails = await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(10));

        Assert.Equal(port, maildev.SmtpPort);
        Assert.Contains(emails, e => e.Subject == "恢复后");
    }
}
