using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Validation;
using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Testing;

namespace IntakePipeline.Pipeline.Tests.Mail;

[Collection(AzuriteCollection.Name)]
public sealed class OutboxTests(AzuriteServer azurite)
{
    private static readonly YearMonth _june = new(2024, 6);

    [Fact]
    public async Task EnqueueAsync_SameNoticeTwice_OneRowPerRecipient()
    {
        var bed = await CreateAsync();
        var notice = MailTestbed.Behind("520300", _june);

        var first = await bed.Outbox.EnqueueAsync([notice]);
        var second = await bed.Outbox.EnqueueAsync([notice, notice]);

        Assert.Equal(3, first); // the prefecture at once, two provincial digest items
        Assert.Equal(0, second);
        Assert.Equal(3, (await bed.RowsAsync()).Count);
    }

    [Fact]
    public async Task EnqueueAsync_SentRow_IsNotOverwritten()
    {
        var bed = await CreateAsync();
        var notice = MailTestbed.Behind("520300", _june);
        await bed.Outbox.EnqueueAsync([notice]);
        await bed.Sender.RunAsync();

        var again = await bed.Outbox.EnqueueAsync([notice]);

        Assert.Equal(0, again);
        var alert = Assert.Single(await bed.RowsAsync(), r => r.GetString("Kind") == "Alert");
        Assert.Equal("Sent", alert.GetString("State"));
    }

    [Fact]
    public async Task EnqueueAsync_PrefectureNotice_PrefectureAtOnceProvinceAsDigestItems()
    {
        var bed = await CreateAsync();

        await bed.Outbox.EnqueueAsync([MailTestbed.Behind("520300", _june)]);

        var rows = await bed.RowsAsync();
        var alert = Assert.Single(rows, r => r.GetString("Kind") == "Alert");
        Assert.Equal(bed.Zunyi, alert.PartitionKey);
        Assert.Equal("Pending", alert.GetString("State"));
        Assert.StartsWith("alert|", alert.RowKey, StringComparison.Ordinal);
        Assert.Equal("520300|U14|Trajectory|Opened|2024-06|SeriouslyBehind", alert.GetString("About"));
        Assert.Equal("corr-520300-2024-06", alert.GetString("CorrelationId"));
        Assert.Contains("遵义市", alert.GetString("Subject"), StringComparison.Ordinal);
        var items = rows.Where(r => r.GetString("Kind") == "DigestItem").ToList();
        Assert.Equal(bed.Province.Order(), items.Select(r => r.PartitionKey).Order());
        Assert.All(items, r => Assert.Equal("Queued", r.GetString("State")));
        Assert.All(items, r => Assert.Contains("\"Scope\":\"520300\"", r.GetString("Notice"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnqueueAsync_DigestOff_ProvinceGetsAlertsAtOnce()
    {
        var bed = await CreateAsync(new MailOptions { Digest = false });

        await bed.Outbox.EnqueueAsync([MailTestbed.Behind("520300", _june)]);

        var rows = await bed.RowsAsync();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("Pending", r.GetString("State")));
    }

    [Fact]
    public async Task EnqueueAsync_ProvinceRollup_OnlyProvincialStaff()
    {
        var bed = await CreateAsync(new MailOptions { Digest = false });

        await bed.Outbox.EnqueueAsync([MailTestbed.Behind(Submitters.Province, _june)]);

        Assert.Equal(bed.Province.Order(), (await bed.RowsAsync()).Select(r => r.PartitionKey).Order());
    }

    [Fact]
    public async Task EnqueueAsync_Missing_SubmitterAtOnceAndProvinceDigest()
    {
        var bed = await CreateAsync();
        var missing = new AlertNotice("520400", AlertNotice.MissingIndicator, AlertKind.Missing, AlertChange.Opened, _june, _june, null, null, null, [], "deadline-2024-06");

        await bed.Outbox.EnqueueAsync([missing]);

        var rows = await bed.RowsAsync();
        Assert.Equal(bed.Anshun, Assert.Single(rows, r => r.GetString("Kind") == "Alert").PartitionKey);
        Assert.Equal(2, rows.Count(r => r.GetString("Kind") == "DigestItem"));
    }

    [Fact]
    public async Task EnqueueAsync_Deescalated_QueuesNothing()
    {
        var bed = await CreateAsync();

        var queued = await bed.Outbox.EnqueueAsync([MailTestbed.Behind("520300", _june, AlertChange.Deescalated)]);

        Assert.Equal(0, queued);
        Assert.Empty(await bed.RowsAsync());
    }

    [Fact]
    public async Task EnqueueReceiptAsync_Rejection_QueuedOnceForTheSubmitter()
    {
        var bed = await CreateAsync();
        var receipt = MailTestbed.Rejection("520300", _june);

        var first = await bed.Outbox.EnqueueReceiptAsync(receipt);
        var second = await bed.Outbox.EnqueueReceiptAsync(receipt);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var row = Assert.Single(await bed.RowsAsync());
        Assert.Equal(bed.Zunyi, row.PartitionKey);
        Assert.Equal("receipt|" + receipt.SubmissionId, row.RowKey);
        Assert.Equal("Receipt", row.GetString("Kind"));
    }

    [Theory]
    [InlineData(true, true, 1)]
    [InlineData(false, true, 0)]
    [InlineData(true, false, 0)]
    public async Task EnqueueReceiptAsync_Acceptance_QueuedOnlyWithWarningsWhenEnabled(bool receiptOnWarnings, bool hasWarning, int expected)
    {
        var bed = await CreateAsync(new MailOptions { ReceiptOnWarnings = receiptOnWarnings });
        IReadOnlyList<ValidationIssue> issues = hasWarning
            ? [new ValidationIssue(IssueCodes.FormulaInjection, IssueSeverity.Warning, 3, "备注", "@SUM", "备注以 @ 开头。")]
            : [];
        var receipt = MailTestbed.Rejection("520300", _june) with { Accepted = true, Issues = issues };

        var queued = await bed.Outbox.EnqueueReceiptAsync(receipt);

        Assert.Equal(expected, queued);
    }

    private Task<MailTestbed> CreateAsync(MailOptions? mail = null) =>
        MailTestbed.CreateAsync(azurite, MailTestbed.Pickup(Path.Combine(Path.GetTempPath(), "intake-outbox-tests")), mail);
}
