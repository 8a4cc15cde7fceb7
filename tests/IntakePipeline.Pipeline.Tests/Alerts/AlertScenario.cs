using System.Globalization;
using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Pipeline.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Tests.Alerts;

/// <summary>
/// U14 values computed from the catalog and the evaluator rather than guessed, and a tracker and a checker over a
/// <see cref="TestPipeline"/>'s tables and clock.
/// </summary>
internal sealed class AlertScenario
{
    public const string Indicator = "U14";

    private static readonly ThresholdsOptions _thresholds = new();

    public AlertScenario(TestPipeline pipeline, AlertsOptions? alerts = null, DeadlinesOptions? deadlines = null)
    {
        Pipeline = pipeline;
        Tracker = new AlertTracker(
            pipeline.Tables,
            TestPipeline.Catalog,
            Options.Create(pipeline.Names),
            Options.Create(_thresholds),
            Options.Create(alerts ?? new AlertsOptions()),
            pipeline.Clock,
            NullLogger<AlertTracker>.Instance);
        Checker = new DeadlineChecker(
            pipeline.Tables,
            Options.Create(pipeline.Names),
            Options.Create(deadlines ?? new DeadlinesOptions()),
            pipeline.Clock,
            NullLogger<DeadlineChecker>.Instance);
    }

    public static TrajectoryEvaluator Evaluator { get; } = new(TestPipeline.Catalog, _thresholds);

    public static PlanIndicator U14 => TestPipeline.Catalog.FindIndicator(Indicator)!;

    public TestPipeline Pipeline { get; }

    public AlertTracker Tracker { get; }

    public DeadlineChecker Checker { get; }

    /// <summary>|last plan point − baseline| of U14 in the scope: the divisor of the lag.</summary>
    public static double Span(string scope)
    {
        var points = Evaluator.PointsFor(U14, scope);
        return Math.Abs(points[^1].Value - points[0].Value);
    }

    public static double Expected(string scope, YearMonth month) => Evaluator.ExpectedAt(U14, scope, month)!.Value;

    /// <summary>The value <paramref name="lag"/> of the span below the expected path, rounded as it is written in the file.</summary>
    public static double Lagging(string scope, YearMonth month, double lag) => Math.Round(Expected(scope, month) - (lag * Span(scope)), 4);

    public static TrajectoryStatus StatusOf(string scope, params (YearMonth Month, double Value)[] series) =>
        Evaluator.Evaluate(U14, scope, series[^1].Month, [.. series.Select(s => new MonthlyValue(s.Month, s.Value))]).Status;

    /// <summary>Uploads a one-row U14 file, processes it with the real handler and tracks the alerts.</summary>
    public async Task<(SubmissionOutcome Outcome, IReadOnlyList<Core.Alerts.AlertNotice> Notices)> SubmitAsync(string scope, YearMonth period, double value)
    {
        var name = TestPipeline.UniqueFile(period.ToString(), "U14", "csv");
        var outcome = await Pipeline.UploadAndHandleAsync(scope, name, SubmissionFiles.Utf8Csv((Indicator, value.ToString("R", CultureInfo.InvariantCulture), "万户")));
        Assert.Equal(SubmissionOutcomeKind.Accepted, outcome.Kind);
        var notices = await Tracker.TrackAsync(outcome, notify: true);
        return (outcome, notices);
    }
}
