using IntakePipeline.Core;
using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace IntakePipeline.Pipeline.Tests.Mail;

[Collection(AzuriteCollection.Name)]
public sealed class SendAlertsHandlerTests(AzuriteServer azurite, MaildevServer maildev) : IClassFixture<MaildevServer>
{
    private static readonly YearMonth _june = new(2024, 6);

    [Fact]
    public async Task RunAsync_PickupDirectory_WritesParsableEmlFilesOnce()
    {
        var folder = Directory.CreateTempSubdirectory("intake-pickup-").FullName;
        try
        {
            var bed = await MailTestbed.CreateAsync(azurite, MailTestbed.Pickup(folder));
            await bed.Outbox.EnqueueReceiptAsync(MailTestbed.Rejection("520300", _june));
            await bed.Outbox.EnqueueAsync([MailTestbed.Behind("520300", _june)]);

            var first = await bed.Sender.RunAsync();
            var second = await bed.Sender.RunAsync();

            Assert.Equal(new SendAlertsResult(2, 0, 0, 0), first);
            Assert.Equal(new SendAlertsResult(0, 0, 0, 0), second);
            var files = Directory.GetFiles(folder);
            Assert.Equal(2, files.Length);
            Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
            var messages = files.Select(f => MimeMessage.Load(f)).ToList();
            var rows = await bed.RowsAsync();
            foreach (var message in messages)
            {
                Assert.Contains("遵义市", message.Subject, StringComparison.Ordinal);
                Assert.Contains("2024-06", message.Subject, StringComparison.Ordinal);
                Assert.Equal(bed.Zunyi, Assert.Single(message.To.Mailboxes).Address);
                Assert.Matches("^[0-9a-f]{32}@intake.local$", message.MessageId);
                Assert.Contains(rows, r => r.GetString("MessageId") == $"<{message.MessageId}>");
                var body = Assert.IsType<MultipartAlternative>(message.Body);
                Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
                Assert.Contains("<html", message.HtmlBody, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(message.TextBody));
            }

            Assert.Equal(2, messages.Select(m => m.MessageId).Distinct().Count());
            var receipt = messages.Single(m => m.TextBody?.Contains("本月值", StringComparison.Ordinal) == true);
            Assert.Contains("=1+2", receipt.TextBody, StringComparison.Ordinal);
            Assert.All(rows.Where(r => r.GetString("Kind") != "DigestItem"), r => Assert.Equal("Sent", r.GetString("State")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_ChineseSubjectAndNames_EncodedSoMimeKitReadsThemBack()
    {
        var folder = Directory.CreateTempSubdirectory("intake-pickup-").FullName;
        try
        {
            var smtp = MailTestbed.Pickup(folder);
            smtp.FromName = "贵州省新型城镇化数据平台（省发展改革委）";
            var bed = await MailTestbed.CreateAsync(azurite, smtp);
            var subject = "【退回】遵义市 2024-06 文件未通过校验：遵义市红花岗区、汇川区、播州区新型城镇化监测指标（第二季度，修订版）.xlsx";
            await bed.Pipeline.RealTables.InsertAsync(bed.OutboxTable, Outbox.MessageRow(bed.Zunyi, "receipt|zh", "Receipt", new(subject, "<p>已退回</p>", "已退回"), "corr-zh", "zh"));

            Assert.Equal(1, (await bed.Sender.RunAsync()).Sent);

            var file = Assert.Single(Directory.GetFiles(folder));
            var raw = await File.ReadAllBytesAsync(file);
            Assert.All(raw, b => Assert.True(b < 0x80, "every header and body line is 7-bit: Chinese only in encoded-words and base64"));
            var message = MimeMessage.Load(file);
            Assert.Equal(subject, message.Subject);
            var from = Assert.Single(message.From.Mailboxes);
            Assert.Equal("贵州省新型城镇化数据平台（省发展改革委）", from.Name);
            Assert.Equal("intake@localhost", from.Address);
            var to = Assert.Single(message.To.Mailboxes);
            Assert.Equal(bed.Zunyi, to.Address);
            Assert.Equal(string.Empty, to.Name);
            Assert.Equal("已退回", message.TextBody);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_Maildev_MessageArrivesWithSubjectRecipientAndFigures()
    {
        var bed = await MailTestbed.CreateAsync(azurite, MailTestbed.Network(maildev));
        await bed.Outbox.EnqueueAsync([MailTestbed.Behind("520300", _june)]);

        var result = await bed.Sender.RunAsync();

        Assert.Equal(1, result.Sent);
        var email = await WaitForAsync(bed.Zunyi, 1);
        Assert.Contains("遵义市", email[0].Subject, StringComparison.Ordinal);
        Assert.Contains("老旧小区改造", email[0].Subject, StringComparison.Ordinal);
        Assert.Contains("2024-06", email[0].Subject, StringComparison.Ordinal);
        Assert.Equal(bed.Zunyi, Assert.Single(email[0].To).Address);
        Assert.Equal("intake@localhost", Assert.Single(email[0].From).Address);
        Assert.Equal("新型城镇化数据平台", email[0].From[0].Name);
        Assert.Contains("1.25", email[0].Html, StringComparison.Ordinal);
        Assert.Contains("5.96", email[0].Text, StringComparison.Ordinal);
        var row = Assert.Single(await bed.RowsAsync(), r => r.GetString("Kind") == "Alert");
        Assert.Equal("Sent", row.GetString("State"));
        Assert.Equal(row.GetString("MessageId"), email[0].Headers["message-id"].GetString());
    }

    [Fact]
    public async Task RunAsync_SmtpOutage_KeepsPendingThenDeliversEachOnce()
    {
        var bed = await MailTestbed.CreateAsync(azurite, MailTestbed.Network(maildev));
        await maildev.StopAsync();
        RowsAfterOutage rows;
        try
        {
            await bed.Outbox.EnqueueAsync([MailTestbed.Behind("520300", _june), MailTestbed.Behind("520400", _june)]);
            await bed.Outbox.EnqueueReceiptAsync(MailTestbed.Rejection("520300", _june));

            var down = await bed.Sender.RunAsync();
            var again = await bed.Sender.RunAsync();
            rows = new(down, again, await bed.RowsAsync());
        }
        finally
        {
            await maildev.StartAsync();
        }

        var up = await bed.Sender.RunAsync();
        var after = await bed.Sender.RunAsync();

        Assert.Equal(new SendAlertsResult(0, 0, 3, 0), rows.Down);
        Assert.Equal(new SendAlertsResult(0, 0, 3, 0), rows.Again);
        var pending = rows.Rows.Where(r => r.GetString("Kind") != "DigestItem").ToList();
        Assert.Equal(3, pending.Count);
        Assert.All(pending, r => Assert.Equal("Pending", r.GetString("State")));
        Assert.All(pending, r => Assert.False(string.IsNullOrEmpty(r.GetString("LastError"))));
        Assert.Equal(new SendAlertsResult(3, 0, 0, 0), up);
        Assert.Equal(new SendAlertsResult(0, 0, 0, 0), after);
        Assert.Equal(2, (await WaitForAsync(bed.Zunyi, 2)).Count);
        Assert.Single(await WaitForAsync(bed.Anshun, 1));
        Assert.Equal(3, (await maildev.GetEmailsAsync()).Count(e => e.To.Any(t => t.Address == bed.Zunyi || t.Address == bed.Anshun)));
    }

    [Fact]
    public async Task RunAsync_DigestMode_SendsOneDigestPerProvincialRecipientAtTheDigestHour()
    {
        var folder = Directory.CreateTempSubdirectory("intake-digest-").FullName;
        try
        {
            // 2024-07-05 10:00 in Asia/Shanghai.
            var clock = new FakeTimeProvider(new DateTimeOffset(2024, 7, 5, 10, 0, 0, TimeSpan.FromHours(8)));
            var bed = await MailTestbed.CreateAsync(azurite, MailTestbed.Pickup(folder), time: clock);
            await bed.Outbox.EnqueueAsync([MailTestbed.Behind("520300", _june), MailTestbed.Behind("520400", _june)]);

            var sameDay = await bed.Sender.RunAsync();
            clock.SetUtcNow(new DateTimeOffset(2024, 7, 6, 7, 59, 0, TimeSpan.FromHours(8)));
            var beforeHour = await bed.Sender.RunAsync();
            clock.SetUtcNow(new DateTimeOffset(2024, 7, 6, 8, 0, 0, TimeSpan.FromHours(8)));
            var atHour = await bed.Sender.RunAsync();
            var later = await bed.Sender.RunAsync();

            Assert.Equal(new SendAlertsResult(2, 0, 0, 0), sameDay); // the two prefectures, at once
            Assert.Equal(new SendAlertsResult(0, 0, 0, 0), beforeHour);
            Assert.Equal(new SendAlertsResult(2, 0, 0, 2), atHour);
            Assert.Equal(new SendAlertsResult(0, 0, 0, 0), later);
            var rows = await bed.RowsAsync();
            foreach (var staff in bed.Province)
            {
                var mine = rows.Where(r => r.PartitionKey == staff).ToList();
                var digest = Assert.Single(mine, r => r.GetString("Kind") == "Digest");
                Assert.Equal("digest|2024-07-06", digest.RowKey);
                Assert.Equal("Sent", digest.GetString("State"));
                Assert.Equal(2, mine.Count(r => r.GetString("Kind") == "DigestItem" && r.GetString("State") == "Digested"));
            }

            var digests = Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(t => bed.Province.Contains(t.Address))).ToList();
            Assert.Equal(2, digests.Count);
            Assert.All(digests, d => Assert.Contains("遵义市", d.TextBody, StringComparison.Ordinal));
            Assert.All(digests, d => Assert.Contains("安顺市", d.TextBody, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_DigestInsertedBeforeACrash_RerunMarksItemsWithoutASecondDigest()
    {
        var folder = Directory.CreateTempSubdirectory("intake-digest-").FullName;
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2024, 7, 5, 10, 0, 0, TimeSpan.FromHours(8)));
            var bed = await MailTestbed.CreateAsync(azurite, MailTestbed.Pickup(folder), time: clock);
            await bed.Outbox.EnqueueAsync([MailTestbed.Behind("520000", _june)]);
            clock.SetUtcNow(new DateTimeOffset(2024, 7, 6, 9, 0, 0, TimeSpan.FromHours(8)));
            await bed.Sender.RunAsync();
            var item = (await bed.RowsAsync()).First(r => r.GetString("Kind") == "DigestItem");

            // Play a run that died after inserting the digest: its item is back to Queued.
            await bed.Pipeline.RealTables.UpsertAsync(bed.OutboxTable, new TableRow(item.PartitionKey, item.RowKey) { ["State"] = "Queued" });
            var rerun = await bed.Sender.RunAsync();

            Assert.Equal(new SendAlertsResult(0, 0, 0, 0), rerun);
            var rows = await bed.RowsAsync();
            Assert.Equal(2, rows.Count(r => r.GetString("Kind") == "Digest"));
            Assert.All(rows.Where(r => r.GetString("Kind") == "DigestItem"), r => Assert.Equal("Digested", r.GetString("State")));
            Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_InvalidRecipient_FailsAtOnceAndIsNotRetried()
    {
        var bed = await MailTestbed.CreateAsync(azurite, MailTestbed.Network(maildev));
        var row = Outbox.MessageRow("not an address", "receipt|x", "Receipt", new("主题 2024-06", "<p>x</p>", "x"), "corr-bad", "x");
        await bed.Pipeline.RealTables.InsertAsync(bed.OutboxTable, row);

        var first = await bed.Sender.RunAsync();
        var second = await bed.Sender.RunAsync();

        Assert.Equal(new SendAlertsResult(0, 1, 0, 0), first);
        Assert.Equal(new SendAlertsResult(0, 0, 0, 0), second);
        var stored = Assert.Single(await bed.RowsAsync());
        Assert.Equal("Failed", stored.GetString("State"));
        Assert.Equal(1, stored.GetInt32("Attempts"));
        Assert.StartsWith("Permanent", stored.GetString("LastError"), StringComparison.Ordinal);
    }

    private async Task<List<MaildevEmail>> WaitForAsync(string recipient, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var mine = (await maildev.GetEmailsAsync()).Where(e => e.To.Any(t => t.Address == recipient)).ToList();
            if (mine.Count >= count || DateTime.UtcNow > deadline)
            {
                return mine;
            }

            await Task.Delay(100);
        }
    }

    private sealed record RowsAfterOutage(SendAlertsResult Down, SendAlertsResult Again, List<TableRow> Rows);
}
