using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Testing;

namespace IntakePipeline.Pipeline.Tests.Alerts;

[Collection(AzuriteCollection.Name)]
public sealed class DeadlineCheckerTests(AzuriteServer azurite)
{
    private const string Guiyang = "520100";
    private const string Zunyi = "520300";
    private const string Anshun = "520400";

    private static readonly YearMonth _july = new(2024, 7);

    // The 2024-07 deadline is 2024-08-10 23:59:59 in Shanghai.
    private static readonly DateTimeOffset _afterJulyDeadline = new(2024, 8, 11, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task CheckAsync_AfterTheDeadline_OpensOneMissingAlertPerPrefectureWithoutAFileAndNoneOnTheSecondRun()
    {
        var scenario = new AlertScenario(
            await TestPipeline.CreateAsync(azurite, now: _afterJulyDeadline),
            deadlines: new DeadlinesOptions { FirstPeriod = "2024-07" });
        await scenario.SubmitAsync(Guiyang, _july, 5);
        await scenario.SubmitAsync(Zunyi, _july, 5);

        var first = await scenario.Checker.CheckAsync();
        var second = await scenario.Checker.CheckAsync();

        var expected = Submitters.Prefectures.Select(p => p.Code).Where(c => c is not (Guiyang or Zunyi)).ToList();
        Assert.Equal(expected, first.Select(n => n.Scope));
        Assert.All(first, n =>
        {
            Assert.Equal((AlertKind.Missing, AlertChange.Opened, _july, _july), (n.Kind, n.Change, n.Period, n.FirstPeriod));
            Assert.Equal(AlertNotice.MissingIndicator, n.Indicator);
            Assert.Null(n.Status);
            Assert.Null(n.Entry);
            Assert.Empty(n.Trajectory);
        });
        Assert.Empty(second);
        var row = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Alerts, Anshun, "submission|Missing|2024-07");
        Assert.NotNull(row);
        Assert.Equal("Open", row["State"]);
        Assert.Equal("Missing", row["Kind"]);
        Assert.Equal("2024-07", row["FirstPeriod"]);
        Assert.Equal(_afterJulyDeadline, row["NotifiedAt"]);
        Assert.Equal("安顺市 2024-07 的数据未在截止时间 2024-08-10 23:59:59 前报送", row["Message"]);
        Assert.Null(await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Alerts, Guiyang, "submission|Missing|2024-07"));
    }

    [Fact]
    public async Task CheckAsync_BeforeTheDeadline_OpensNothing()
    {
        var scenario = new AlertScenario(
            await TestPipeline.CreateAsync(azurite, now: _afterJulyDeadline.AddSeconds(-2)),
            deadlines: new DeadlinesOptions { FirstPeriod = "2024-07" });

        Assert.Empty(await scenario.Checker.CheckAsync());
    }

    [Fact]
    public async Task TrackAsync_LateAcceptedFile_ResolvesTheMissingAlert()
    {
        var scenario = new AlertScenario(
            await TestPipeline.CreateAsync(azurite, now: _afterJulyDeadline),
            deadlines: new DeadlinesOptions { FirstPeriod = "2024-07" });
        Assert.Contains(await scenario.Checker.CheckAsync(), n => n.Scope == Anshun);

        var (outcome, notices) = await scenario.SubmitAsync(Anshun, _july, 3);
        var again = await scenario.Tracker.TrackAsync(outcome, notify: true);

        var resolved = Assert.Single(notices, n => n.Kind == AlertKind.Missing);
        Assert.Equal((Anshun, AlertChange.Resolved, _july), (resolved.Scope, resolved.Change, resolved.Period));
        Assert.Equal(resolved.TransitionKey, Assert.Single(again, n => n.Kind == AlertKind.Missing).TransitionKey);
        var row = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Alerts, Anshun, "submission|Missing|2024-07");
        Assert.Equal("Resolved", row!["State"]);
        Assert.Equal(outcome.CorrelationId, row["CorrelationId"]);
        var submission = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Submissions, Anshun, "2024-07|" + outcome.SubmissionId);
        Assert.Equal(true, submission!["Late"]);
        Assert.DoesNotContain(await scenario.Checker.CheckAsync(), n => n.Scope == Anshun);
    }

    [Fact]
    public async Task CheckAsync_WithoutFirstPeriod_RecordsTheFirstRunsMonthAndNeverNagsEarlier()
    {
        var pipeline = await TestPipeline.CreateAsync(azurite, now: new DateTimeOffset(2024, 8, 15, 9, 0, 0, TimeSpan.FromHours(8)));
        var scenario = new AlertScenario(pipeline);

        var firstRun = await scenario.Checker.CheckAsync();
        pipeline.Clock.SetUtcNow(new DateTimeOffset(2024, 9, 11, 0, 0, 0, TimeSpan.FromHours(8)));
        var afterDeadline = await scenario.Checker.CheckAsync();

        Assert.Empty(firstRun);
        var recorded = await pipeline.RowAsync(pipeline.Names.Installation, DeadlineChecker.InstallationPartition, DeadlineChecker.FirstPeriodRowKey);
        Assert.Equal("2024-08", recorded!["Period"]);
        Assert.Equal(9, afterDeadline.Count);
        Assert.All(afterDeadline, n => Assert.Equal(new YearMonth(2024, 8), n.Period));
    }
}
