using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Storage;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

[Collection(AlertMailCollection.Name)]
public sealed class AlertMailTests(AzuriteServer azurite, MaildevServer maildev)
{
    private const string Zunyi = "520300";
    private const string ZunyiAddress = "data@zunyi.example.cn";
    private const string Guiyang = "520100";
    private const string GuiyangAddress = "data@guiyang.example.cn";
    private const string Bijie = "520500";
    private static readonly PlanCatalog _catalog = PlanCatalogLoader.LoadEmbedded();
    private static readonly TrajectoryEvaluator _evaluator = new(_catalog, new ThresholdsOptions());
    private static readonly PlanIndicator _u14 = _catalog.FindIndicator("U14")!;
    private static readonly YearMonth _january = new(2024, 1);
    private static readonly YearMonth _september = new(2024, 9);
    private static readonly YearMonth _october = new(2024, 10);

    [Fact]
    public async Task UploadsThatFallBehindFurtherAndRecover_EmailOpenEscalateResolveOnce()
    {
        await maildev.DeleteAllEmailsAsync();
        await using var host = await StartHostAsync(("Mail:ReceiptOnWarnings", "false"));
        var (behind, serious, recovered) = LifecycleValues();

        var opened = Assert.Single(await UploadAndWaitForMailAsync(host, _january, behind, 1));
        await UploadAndWaitForMailAsync(host, _september, serious, 2);
        var all = await UploadAndWaitForMailAsync(host, _october, recovered, 3);

        Assert.Collection(
            all,
            e => Assert.StartsWith("【滞后预警】遵义市 老旧小区改造 2024-01 滞后", e.Subject, StringComparison.Ordinal),
            e => Assert.StartsWith("【预警升级】遵义市 老旧小区改造 2024-09", e.Subject, StringComparison.Ordinal),
            e => Assert.StartsWith("【预警解除】遵义市 老旧小区改造 2024-10", e.Subject, StringComparison.Ordinal));
        Assert.All(all, e => Assert.Equal(ZunyiAddress, Assert.Single(e.To).Address));
        Assert.Contains(behind.ToString("0.##", CultureInfo.InvariantCulture), opened.Text, StringComparison.Ordinal);
        Assert.Contains("黔发改城镇", opened.Text, StringComparison.Ordinal);
        Assert.Contains("<td", opened.Html, StringComparison.Ordinal);
        Assert.Equal(3, all.Select(e => e.Headers["message-id"].ToString()).Distinct().Count());
    }

    [Fact]
    public async Task RejectedUpload_SendsTheReceiptToThePrefectureAtOnce()
    {
        await maildev.DeleteAllEmailsAsync();
        await using var host = await StartHostAsync();
        var file = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "seeds", "samples", "2024-06", "铜仁市-2024-06.csv"));

        var blob = await host.PutAsync("intake-520600", "2024-06/铜仁-回执.csv", file);
        Assert.NotNull(await host.WaitForReceiptAsync(blob));
        var mail = Assert.Single(await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(30)));

        Assert.StartsWith("【退回】", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("铜仁-回执.csv", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("data@tongren.example.cn", Assert.Single(mail.To).Address);
        Assert.Contains("无法识别为数字", mail.Text, StringComparison.Ordinal);
        Assert.Contains("reports-520600/2024-06/铜仁-回执.csv.report.html", mail.Text, StringComparison.Ordinal);

        // Every link the mail carries opens for its reader: signed, over plain HTTP, with no extra step.
        var links = Regex.Matches(mail.Html ?? string.Empty, "href=\"(https?://[^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(links);
        using var http = new HttpClient();
        foreach (var link in links)
        {
            using var response = await http.GetAsync(new Uri(link));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("2024-6/遵义-6月.csv", "目录 2024-6/")]
    [InlineData("遵义-6月.csv", "容器 intake-520300 的根目录")]
    public async Task MisplacedUpload_SendsTheUploaderAReceiptThatSaysWhereTheFileGoes(string name, string where)
    {
        await maildev.DeleteAllEmailsAsync();
        await using var host = await StartHostAsync();
        var shanghai = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var collecting = new YearMonth(shanghai.Year, shanghai.Month).AddMonths(shanghai.Day <= 10 ? -1 : 0);

        // Unique content: the same bytes in the same second would be the same submission.
        var blob = await host.PutAsync("intake-520300", name, $"指标代码,数值,备注\r\nU14,5,{Guid.NewGuid():N}\r\n");
        Assert.Equal("NotASubmission", (await host.WaitForReceiptAsync(blob))?.Outcome);
        var mail = Assert.Single(await maildev.WaitForEmailsAsync(1, TimeSpan.FromSeconds(30)));

        Assert.Equal("【未处理】遵义市 文件不在期间目录中：遵义-6月.csv", mail.Subject);
        Assert.Equal(ZunyiAddress, Assert.Single(mail.To).Address);
        Assert.Contains("不在期间目录中，系统没有校验它", mail.Text, StringComparison.Ordinal);
        Assert.Contains(where, mail.Text, StringComparison.Ordinal);
        Assert.Contains("intake-520300/yyyy-MM/文件名", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"例如 {collecting} 的数据，应放在 intake-520300/{collecting}/遵义-6月.csv", mail.Text, StringComparison.Ordinal);
        Assert.Contains("移到（或重新上传到）正确的目录", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("同一期间目录", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"reports-520300/{name}.report.html", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpDownWhileAlertsAreRaised_OutboxHoldsThemAndEachArrivesOnceWhenBack()
    {
        await maildev.DeleteAllEmailsAsync();
        await using var host = await StartHostAsync(("Mail:ReceiptOnWarnings", "false"), ("Smtp:Timeout", "00:00:02"));
        await maildev.StopAsync();
        try
        {
            // No progress from January to September: behind, then seriously behind.
            await UploadAsync(host, _january, Lagging(_january, 0.10, Guiyang), Guiyang);
            await UploadAsync(host, _september, Lagging(_january, 0.10, Guiyang), Guiyang);
            await Task.Delay(TimeSpan.FromSeconds(3));

            var held = await OutboxRowsAsync(host, GuiyangAddress);
            Assert.Equal(2, held.Count);
            Assert.All(held, r => Assert.Equal("Pending", r.GetString("State")));
        }
        finally
        {
            await maildev.StartAsync();
        }

        var arrived = await maildev.WaitForEmailsAsync(2, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(2, (await maildev.GetEmailsAsync()).Count);
        Assert.Equal(2, arrived.Select(e => e.Subject).Distinct().Count());
        Assert.All(arrived, e => Assert.Equal(GuiyangAddress, Assert.Single(e.To).Address));
        Assert.All(await OutboxRowsAsync(host, GuiyangAddress), r => Assert.Equal("Sent", r.GetString("State")));
    }

    [Fact]
    public async Task BackfillOfTwelveEarlierMonths_SendsNoMailAndTheAlertFollowsTheLatestMonth()
    {
        await maildev.DeleteAllEmailsAsync();
        await using var host = await StartHostAsync(("Mail:ReceiptOnWarnings", "false"));
        var latest = new YearMonth(2024, 12);
        await UploadAndWaitForMailAsync(host, latest, Lagging(latest, 0.30, Bijie), 1, Bijie);

        for (var month = latest.AddMonths(-12); month < latest; month = month.AddMonths(1))
        {
            await UploadAsync(host, month, Lagging(month, 0.02, Bijie), Bijie);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await maildev.GetEmailsAsync(), e => e.To.Any(a => a.Address == "data@bijie.example.cn"));
        var alert = await host.Tables.GetAsync(host.Names.Alerts, Bijie, "U14|Trajectory");
        Assert.Equal("Open", alert!.GetString("State"));
        Assert.Equal("SeriouslyBehind", alert.GetString("Severity"));
        Assert.Equal("2024-12", alert.GetString("LastPeriod"));
    }

    private Task<InProcessHost> StartHostAsync(params (string Key, string Value)[] extra) => InProcessHost.StartAsync(azurite, settings: new Dictionary<string, string?>(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)))
    {
        ["Watcher:FullScanInterval"] = "00:00:00.500",
        ["Schedules:SendAlerts"] = "* * * * * *",
        ["Smtp:Host"] = maildev.SmtpHost,
        ["Smtp:Port"] = maildev.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Recipients:520300:0"] = ZunyiAddress,
        ["Recipients:520100:0"] = GuiyangAddress,
        ["Recipients:520500:0"] = "data@bijie.example.cn",
        ["Recipients:520600:0"] = "data@tongren.example.cn",
        ["Recipients:Province:0"] = "urbanization@drc.guizhou.example.cn",
        ["Deadlines:FirstPeriod"] = InProcessHost.CurrentMonth.ToString(),

        // The uploads are for 2024; alert changes of months that old are otherwise recorded without email.
        ["Alerts:MailMonths"] = "120",
    });

    private async Task<IReadOnlyList<MaildevEmail>> UploadAndWaitForMailAsync(InProcessHost host, YearMonth period, double u14, int expectedCount, string scope = Zunyi)
    {
        await UploadAsync(host, period, u14, scope);
        return await maildev.WaitForEmailsAsync(expectedCount, TimeSpan.FromSeconds(30));
    }

    private static async Task UploadAsync(InProcessHost host, YearMonth period, double u14, string scope = Zunyi)
    {
        var csv = $"指标代码,数值,单位\r\nU14,{u14.ToString("R", CultureInfo.InvariantCulture)},万户\r\n";
        var blob = await host.PutAsync("intake-" + scope, $"{period}/U14-{Guid.NewGuid():N}.csv", csv);
        Assert.Equal("Accepted", (await host.WaitForReceiptAsync(blob))?.Outcome);
    }

    private static async Task<List<TableRow>> OutboxRowsAsync(InProcessHost host, string recipient)
    {
        var rows = new List<TableRow>();
        await foreach (var row in host.Tables.QueryAsync(host.Names.Outbox, TableQuery.Partition(TableKeys.Escape(recipient))))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static double Lagging(YearMonth month, double lag, string scope = Zunyi)
    {
        var points = _evaluator.PointsFor(_u14, scope);
        return Math.Round(_evaluator.ExpectedAt(_u14, scope, month)!.Value - (lag * Math.Abs(points[^1].Value - points[0].Value)), 4);
    }

    /// <summary>Behind in 2024-01; no progress by 2024-09 (seriously behind); back on the path in 2024-10.</summary>
    private static (double Behind, double Serious, double Recovered) LifecycleValues()
    {
        var points = _evaluator.PointsFor(_u14, Zunyi);
        var span = Math.Abs(points[^1].Value - points[0].Value);
        var behind = Lagging(_january, 0.10);
        Assert.Equal(TrajectoryStatus.Behind, StatusOf((_january, behind)));
        Assert.Equal(TrajectoryStatus.SeriouslyBehind, StatusOf((_january, behind), (_september, behind)));
        for (var extra = 0.0; extra <= 1.0; extra += 0.02)
        {
            var recovered = Math.Round(_evaluator.ExpectedAt(_u14, Zunyi, _october)!.Value + (extra * span), 4);
            if (StatusOf((_january, behind), (_september, behind), (_october, recovered)) is TrajectoryStatus.OnTrack or TrajectoryStatus.TargetMet)
            {
                return (behind, behind, recovered);
            }
        }

        throw new InvalidOperationException("No U14 value puts 遵义 back on track in 2024-10.");
    }

    private static TrajectoryStatus StatusOf(params (YearMonth Month, double Value)[] series) =>
        _evaluator.Evaluate(_u14, Zunyi, series[^1].Month, [.. series.Select(s => new MonthlyValue(s.Month, s.Value))]).Status;
}
