using System.Net.Sockets;
using IntakePipeline.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IntakePipeline.Storage.Tests.Testing;

public sealed class MaildevServerTests(MaildevServer maildev) : IClassFixture<MaildevServer>
{
    [Fact]
    public async Task GetEmailsAsync_AfterSmtpClientSends_ListsTheChineseMessage()
    {
        await maildev.DeleteAllEmailsAsync();

        await SendAsync(maildev.SmtpPort, "【提醒】遵义市 2024-06 数据未按时报送", "遵义市（520300）尚未提交 2024-06 的数据。", "urbanization-office@example.cn");
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
        await Assert.ThrowsAsync<SocketException>(() => SendAsync(port, "down", "down"));

        await maildev.StartAsync();
        await SendAsync(maildev.SmtpPort, "恢复后", "body");
        var emails = await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(10));

        Assert.Equal(port, maildev.SmtpPort);
        Assert.Contains(emails, e => e.Subject == "恢复后");
    }

    private async Task SendAsync(int port, string subject, string body, string to = "b@example.cn")
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("intake@example.cn"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(maildev.SmtpHost, port, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(quit: true);
    }
}
