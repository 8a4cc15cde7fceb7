using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Pipeline.Tests.Fixtures;
using IntakePipeline.Testing;

namespace IntakePipeline.Pipeline.Tests.Alerts;

[Collection(AzuriteCollection.Name)]
public sealed class AlertTrackerTests(AzuriteServer azurite)
{
    private const string Zunyi = "520300";
    private const string TrajectoryKey = "U14|Trajectory";

    private static readonly YearMonth _january = new(2024, 1);
    private static readonly YearMonth _september = new(2024, 9);
    private static readonly YearMonth _october = new(2024, 10);

    [Fact]
    public async Task TrackAsync_FallsBehindThenFurtherThenRecovers_OpensEscalatesResolves()
    {
        var scenario = new AlertScenario(await TestPipeline.CreateAsync(azurite));
        var (behind, serious, recovered) = LifecycleValues();

        var (_, opened) = await scenario.SubmitAsync(Zunyi, _january, behind);
        var openedNotice = Assert.Single(opened);
        Assert.Equal((Zunyi, "U14", AlertKind.Trajectory, AlertChange.Opened), (openedNotice.Scope, openedNotice.Indicator, openedNotice.Kind, openedNotice.Change));
        Assert.Equal(TrajectoryStatus.Behind, openedNotice.Status);
        Assert.Null(openedNotice.PreviousStatus);
        Assert.Equal(_january, openedNotice.FirstPeriod);
        Assert.Equal(behind, openedNotice.Entry!.Actual);
        var row = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Alerts, Zunyi, TrajectoryKey);
        Assert.NotNull(row);
        Assert.Equal("Open", row["State"]);
        Assert.Equal("Behind", row["Severity"]);
        Assert.Equal("2024-01", row["FirstPeriod"]);
        Assert.Equal("2024-01", row["LastPeriod"]);
        Assert.IsType<DateTimeOffset>(row["NotifiedAt"]);
        Assert.StartsWith("遵义市 老旧小区改造 2024-01 滞后", (string)row["Message"]!, StringComparison.Ordinal);

        var (_, escalated) = await scenario.SubmitAsync(Zunyi, _september, serious);
        var escalatedNotice = Assert.Single(escalated);
        Assert.Equal(AlertChange.Escalated, escalatedNotice.Change);
        Assert.Equal(TrajectoryStatus.SeriouslyBehind, escalatedNotice.Status);
        Assert.Equal(TrajectoryStatus.Behind, escalatedNotice.PreviousStatus);
        Assert.Equal(_january, escalatedNotice.FirstPeriod);
        Assert.Equal(9, escalatedNotice.Trajectory.Count);
        Assert.Equal(new Core.Alerts.TrajectoryMonth(_january, behind, AlertScenario.Expected(Zunyi, _january)), escalatedNotice.Trajectory[0]);
        Assert.Null(escalatedNotice.Trajectory[1].Actual);
        Assert.Equal(serious, escalatedNotice.Trajectory[^1].Actual);
        Assert.Equal(AlertScenario.Expected(Zunyi, _september), escalatedNotice.Trajectory[^1].Expected);

        var (_, resolved) = await scenario.SubmitAsync(Zunyi, _october, recovered);
        var resolvedNotice = Assert.Single(resolved);
        Assert.Equal(AlertChange.Resolved, resolvedNotice.Change);
        Assert.Contains(resolvedNotice.Status, new TrajectoryStatus?[] { TrajectoryStatus.OnTrack, TrajectoryStatus.TargetMet });
        Assert.Equal(TrajectoryStatus.SeriouslyBehind, resolvedNotice.PreviousStatus);
        row = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Alerts, Zunyi, TrajectoryKey);
        Assert.Equal("Resolved", row!["State"]);
        Assert.Equal("2024-01", row["FirstPeriod"]);
        Assert.Equal("2024-10", row["LastPeriod"]);
        Assert.Equal(
            [AlertChange.Opened, AlertChange.Escalated, AlertChange.Resolved],
            new[] { openedNotice, escalatedNotice, resolvedNotice }.Select(n => n.Change));
        Assert.Equal(3, new[] { openedNotice, escalatedNotice, resolvedNotice }.Select(n => n.TransitionKey).Distinct().Count());
    }

    [Fact]
    public async Task TrackAsync_SameCallAgain_ReturnsTheSameNoticesAndChangesNothing()
    {
        var scenario = new AlertScenario(await TestPipeline.CreateAsync(azurite));
        var (behind, _, _) = LifecycleValues();
        var (outcome, first) = await scenario.SubmitAsync(Zunyi, _january, behind);
        var before = await TableDump.OfAsync(scenario.Pipeline.RealTables, scenario.Pipeline.Names);

        var again = await scenario.Tracker.TrackAsync(outcome, notify: true);
        var other = await scenario.Tracker.TrackAsync(outcome with { CorrelationId = "another-correlation" }, notify: true);

        Assert.Equal(first.Select(n => n.TransitionKey), again.Select(n => n.TransitionKey));
        Assert.Equal(first.Select(n => n.Trajectory.Count), again.Select(n => n.Trajectory.Count));
        Assert.Empty(other);
        Assert.Equal(before, await TableDump.OfAsync(scenario.Pipeline.RealTables, scenario.Pipeline.Names));
    }

    [Fact]
    public async Task TrackAsync_BackfillOfTwelveOlderMonths_NoNoticesAndStateOfTheLatestMonth()
    {
        var scenario = new AlertScenario(await TestPipeline.CreateAsync(azurite));
        var latest = new YearMonth(2024, 12);
        var latestValue = AlertScenario.Lagging(Zunyi, latest, 0.10);
        Assert.Equal(TrajectoryStatus.Behind, AlertScenario.StatusOf(Zunyi, (latest, latestValue)));
        var (_, opened) = await scenario.SubmitAsync(Zunyi, latest, latestValue);
        Assert.Equal(AlertChange.Opened, Assert.Single(opened).Change);
        var before = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Alerts, Zunyi, TrajectoryKey);

        var backfill = new List<AlertNotice>();
        for (var month = latest.AddMonths(-12); month < latest; month = month.AddMonths(1))
        {
            // On the expected path where the cumulative value allows: these months alone would resolve the alert.
            var value = Math.Min(Math.Round(AlertScenario.Expected(Zunyi, month), 4), latestValue);
            backfill.AddRange((await scenario.SubmitAsync(Zunyi, month, value)).Notices);
        }

        Assert.Empty(backfill);
        var after = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Alerts, Zunyi, TrajectoryKey);
        Assert.Equal("Open", after!["State"]);
        Assert.Equal("Behind", after["Severity"]);
        Assert.Equal("2024-12", after["FirstPeriod"]);
        Assert.Equal("2024-12", after["LastPeriod"]);
        Assert.Equal(before!.ETag, after.ETag);
        var onTrackMonth = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Scorecard, "2024-01", Zunyi + "|U14");
        Assert.NotEqual("Behind", onTrackMonth!["Status"]);
    }

    [Fact]
    public async Task TrackAsync_CorrectionOfTheLatestMonth_ResolvesAndReopens()
    {
        var scenario = new AlertScenario(await TestPipeline.CreateAsync(azurite));
        var (behind, _, _) = LifecycleValues();
        var onTrack = Math.Round(AlertScenario.Expected(Zunyi, _january), 4);
        Assert.Equal(TrajectoryStatus.OnTrack, AlertScenario.StatusOf(Zunyi, (_january, onTrack)));

        var july = _january.AddMonths(6);
        Assert.Equal(TrajectoryStatus.Behind, AlertScenario.StatusOf(Zunyi, (_january, onTrack), (july, onTrack)));

        var opened = (await scenario.SubmitAsync(Zunyi, _january, behind)).Notices;
        var corrected = (await scenario.SubmitAsync(Zunyi, _january, onTrack)).Notices;
        var reopenedLater = (await scenario.SubmitAsync(Zunyi, july, onTrack)).Notices;

        Assert.Equal(AlertChange.Opened, Assert.Single(opened).Change);
        Assert.Equal(AlertChange.Resolved, Assert.Single(corrected).Change);
        var reopened = Assert.Single(reopenedLater);
        Assert.Equal(AlertChange.Opened, reopened.Change);
        Assert.Equal(july, reopened.FirstPeriod);
    }

    [Fact]
    public async Task TrackAsync_ProvinceRollup_OpensOnlyWhenAllPrefecturesReported()
    {
        var scenario = new AlertScenario(await TestPipeline.CreateAsync(azurite));
        var month = new YearMonth(2024, 6);
        var rollupNotices = new List<AlertNotice>();
        var prefectures = Submitters.Prefectures;
        for (var i = 0; i < prefectures.Count; i++)
        {
            var code = prefectures[i].Code;
            var value = AlertScenario.Lagging(code, month, 0.30);
            var (_, notices) = await scenario.SubmitAsync(code, month, value);
            Assert.Contains(notices, n => n.Scope == code && n.Change == AlertChange.Opened);
            var forProvince = notices.Where(n => n.Scope == Submitters.Province).ToList();
            if (i < prefectures.Count - 1)
            {
                Assert.Empty(forProvince);
            }

            rollupNotices.AddRange(forProvince);
        }

        var rollup = Assert.Single(rollupNotices);
        Assert.Equal(AlertChange.Opened, rollup.Change);
        Assert.Equal("U14", rollup.Indicator);
        Assert.Equal(9, rollup.Entry!.ReportedCount);
        Assert.Equal(AlertKind.Trajectory, rollup.Kind);
        Assert.Equal(rollup.Entry.Actual, Assert.Single(rollup.Trajectory).Actual);
        var row = await scenario.Pipeline.RowAsync(scenario.Pipeline.Names.Alerts, Submitters.Province, TrajectoryKey);
        Assert.Equal("Open", row!["State"]);
        Assert.Equal(false, row["Partial"]);
    }

    /// <summary>Behind in 2024-01; no progress by 2024-09 (seriously behind); back on the path (or past it) in 2024-10.</summary>
    private static (double Behind, double Serious, double Recovered) LifecycleValues()
    {
        var behind = AlertScenario.Lagging(Zunyi, _january, 0.10);
        Assert.Equal(TrajectoryStatus.Behind, AlertScenario.StatusOf(Zunyi, (_january, behind)));
        var serious = behind;
        Assert.Equal(TrajectoryStatus.SeriouslyBehind, AlertScenario.StatusOf(Zunyi, (_january, behind), (_september, serious)));
        var span = AlertScenario.Span(Zunyi);
        for (var extra = 0.0; extra <= 1.0; extra += 0.02)
        {
            var recovered = Math.Round(AlertScenario.Expected(Zunyi, _october) + (extra * span), 4);
            var status = AlertScenario.StatusOf(Zunyi, (_january, behind), (_september, serious), (_october, recovered));
            if (status is TrajectoryStatus.OnTrack or TrajectoryStatus.TargetMet)
            {
                return (behind, serious, recovered);
            }
        }

        throw new InvalidOperationException("No U14 value puts 遵义 back on track in 2024-10.");
    }
}
