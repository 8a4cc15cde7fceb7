using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Alerts;

public sealed class AlertPolicyTests
{
    private static readonly AlertPolicy _policy = new();

    [Theory]
    [InlineData(TrajectoryStatus.AtRisk, AlertChange.Opened)]
    [InlineData(TrajectoryStatus.Behind, AlertChange.Opened)]
    [InlineData(TrajectoryStatus.SeriouslyBehind, AlertChange.Opened)]
    [InlineData(TrajectoryStatus.OnTrack, null)]
    [InlineData(TrajectoryStatus.TargetMet, null)]
    [InlineData(TrajectoryStatus.InsufficientData, null)]
    [InlineData(TrajectoryStatus.Breach, null)]
    public void Decide_TrajectoryWithoutAlert_OpensOnlyOnAProblem(TrajectoryStatus status, AlertChange? expected)
    {
        Assert.Equal(expected, _policy.Decide(AlertKind.Trajectory, AlertState.None, null, Entry(status)));
        Assert.Equal(expected, _policy.Decide(AlertKind.Trajectory, AlertState.Resolved, TrajectoryStatus.OnTrack, Entry(status)));
    }

    [Theory]
    [InlineData(TrajectoryStatus.AtRisk, TrajectoryStatus.Behind, AlertChange.Escalated)]
    [InlineData(TrajectoryStatus.AtRisk, TrajectoryStatus.SeriouslyBehind, AlertChange.Escalated)]
    [InlineData(TrajectoryStatus.Behind, TrajectoryStatus.SeriouslyBehind, AlertChange.Escalated)]
    [InlineData(TrajectoryStatus.SeriouslyBehind, TrajectoryStatus.Behind, AlertChange.Deescalated)]
    [InlineData(TrajectoryStatus.SeriouslyBehind, TrajectoryStatus.AtRisk, AlertChange.Deescalated)]
    [InlineData(TrajectoryStatus.Behind, TrajectoryStatus.AtRisk, AlertChange.Deescalated)]
    [InlineData(TrajectoryStatus.AtRisk, TrajectoryStatus.OnTrack, AlertChange.Resolved)]
    [InlineData(TrajectoryStatus.Behind, TrajectoryStatus.OnTrack, AlertChange.Resolved)]
    [InlineData(TrajectoryStatus.SeriouslyBehind, TrajectoryStatus.TargetMet, AlertChange.Resolved)]
    [InlineData(TrajectoryStatus.AtRisk, TrajectoryStatus.AtRisk, null)]
    [InlineData(TrajectoryStatus.Behind, TrajectoryStatus.Behind, null)]
    [InlineData(TrajectoryStatus.SeriouslyBehind, TrajectoryStatus.SeriouslyBehind, null)]
    [InlineData(TrajectoryStatus.Behind, TrajectoryStatus.InsufficientData, null)]
    [InlineData(TrajectoryStatus.SeriouslyBehind, TrajectoryStatus.InsufficientData, null)]
    public void Decide_OpenTrajectory_FollowsTheStatus(TrajectoryStatus severity, TrajectoryStatus status, AlertChange? expected)
    {
        Assert.Equal(expected, _policy.Decide(AlertKind.Trajectory, AlertState.Open, severity, Entry(status)));
    }

    [Fact]
    public void Decide_OpenTrajectoryWithoutSeverity_TreatsItAsTheMildest()
    {
        Assert.Null(_policy.Decide(AlertKind.Trajectory, AlertState.Open, null, Entry(TrajectoryStatus.AtRisk)));
        Assert.Equal(AlertChange.Escalated, _policy.Decide(AlertKind.Trajectory, AlertState.Open, TrajectoryStatus.OnTrack, Entry(TrajectoryStatus.Behind)));
    }

    [Theory]
    [InlineData(AlertState.None, TrajectoryStatus.Breach, AlertChange.Opened)]
    [InlineData(AlertState.Resolved, TrajectoryStatus.Breach, AlertChange.Opened)]
    [InlineData(AlertState.None, TrajectoryStatus.OnTrack, null)]
    [InlineData(AlertState.None, TrajectoryStatus.Behind, null)]
    [InlineData(AlertState.Open, TrajectoryStatus.Breach, null)]
    [InlineData(AlertState.Open, TrajectoryStatus.OnTrack, AlertChange.Resolved)]
    [InlineData(AlertState.Open, TrajectoryStatus.TargetMet, AlertChange.Resolved)]
    [InlineData(AlertState.Open, TrajectoryStatus.Behind, AlertChange.Resolved)]
    [InlineData(AlertState.Open, TrajectoryStatus.InsufficientData, null)]
    [InlineData(AlertState.Resolved, TrajectoryStatus.OnTrack, null)]
    public void Decide_Breach_OpensOnBreachAndResolvesOnAnyJudgedStatus(AlertState state, TrajectoryStatus status, AlertChange? expected)
    {
        var severity = state == AlertState.Open ? TrajectoryStatus.Breach : (TrajectoryStatus?)null;

        Assert.Equal(expected, _policy.Decide(AlertKind.Breach, state, severity, Entry(status)));
    }

    [Theory]
    [InlineData(AlertState.None, null, TrajectoryStatus.Behind, 8, null)]
    [InlineData(AlertState.None, null, TrajectoryStatus.Behind, 9, AlertChange.Opened)]
    [InlineData(AlertState.Open, TrajectoryStatus.Behind, TrajectoryStatus.SeriouslyBehind, 8, null)]
    [InlineData(AlertState.Open, TrajectoryStatus.Behind, TrajectoryStatus.SeriouslyBehind, 9, AlertChange.Escalated)]
    [InlineData(AlertState.Open, TrajectoryStatus.SeriouslyBehind, TrajectoryStatus.Behind, 8, AlertChange.Deescalated)]
    [InlineData(AlertState.Open, TrajectoryStatus.Behind, TrajectoryStatus.OnTrack, 1, AlertChange.Resolved)]
    [InlineData(AlertState.Open, TrajectoryStatus.Behind, TrajectoryStatus.TargetMet, 5, AlertChange.Resolved)]
    public void Decide_ProvinceRollup_OpensAndEscalatesOnlyWhenComplete(
        AlertState state, TrajectoryStatus? severity, TrajectoryStatus status, int reported, AlertChange? expected)
    {
        var entry = Entry(status) with { Scope = Submitters.Province, ReportedCount = reported, ExpectedCount = 9 };

        Assert.Equal(expected, _policy.Decide(AlertKind.Trajectory, state, severity, entry));
    }

    [Fact]
    public void Decide_PartialRollupWhenCompletenessIsNotRequired_Opens()
    {
        var entry = Entry(TrajectoryStatus.Behind) with { Scope = Submitters.Province, ReportedCount = 3, ExpectedCount = 9 };
        var lenient = new AlertPolicy(rollupRequiresComplete: false);

        Assert.Equal(AlertChange.Opened, lenient.Decide(AlertKind.Trajectory, AlertState.None, null, entry));
        Assert.Equal(AlertChange.Escalated, lenient.Decide(AlertKind.Trajectory, AlertState.Open, TrajectoryStatus.AtRisk, entry));
    }

    [Fact]
    public void Decide_PartialRollupBreach_DoesNotOpen()
    {
        var entry = Entry(TrajectoryStatus.Breach) with { Scope = Submitters.Province, ReportedCount = 3, ExpectedCount = 9 };

        Assert.Null(_policy.Decide(AlertKind.Breach, AlertState.None, null, entry));
    }

    [Fact]
    public void Decide_ProvinceOwnIndicatorWithoutCounts_IsNotARollup()
    {
        var entry = Entry(TrajectoryStatus.Behind) with { Scope = Submitters.Province };

        Assert.Equal(AlertChange.Opened, _policy.Decide(AlertKind.Trajectory, AlertState.None, null, entry));
    }

    [Fact]
    public void Decide_MissingKind_Throws()
    {
        Assert.Throws<ArgumentException>(() => _policy.Decide(AlertKind.Missing, AlertState.None, null, Entry(TrajectoryStatus.Behind)));
    }

    [Theory]
    [InlineData(IndicatorKind.Floor, AlertKind.Breach)]
    [InlineData(IndicatorKind.Ceiling, AlertKind.Breach)]
    [InlineData(IndicatorKind.Level, AlertKind.Trajectory)]
    [InlineData(IndicatorKind.Cumulative, AlertKind.Trajectory)]
    [InlineData(IndicatorKind.Rate, AlertKind.Trajectory)]
    public void KindFor_IndicatorKind_GivesTheAlertKind(IndicatorKind indicatorKind, AlertKind expected)
    {
        Assert.Equal(expected, AlertPolicy.KindFor(indicatorKind));
    }

    [Theory]
    [InlineData(AlertKind.Trajectory, TrajectoryStatus.AtRisk, true)]
    [InlineData(AlertKind.Trajectory, TrajectoryStatus.OnTrack, false)]
    [InlineData(AlertKind.Trajectory, TrajectoryStatus.Breach, false)]
    [InlineData(AlertKind.Breach, TrajectoryStatus.Breach, true)]
    [InlineData(AlertKind.Breach, TrajectoryStatus.SeriouslyBehind, false)]
    [InlineData(AlertKind.Missing, TrajectoryStatus.Behind, false)]
    public void IsProblem_KindAndStatus_SaysWhetherItKeepsAnAlertOpen(AlertKind kind, TrajectoryStatus status, bool expected)
    {
        Assert.Equal(expected, AlertPolicy.IsProblem(kind, status));
    }

    private static ScorecardEntry Entry(TrajectoryStatus status) =>
        new("520300", "U14", new YearMonth(2024, 6), 5, 7.35, 10.5, new YearMonth(2025, 12), 0, 0.2, status, null, "2022-22 专栏4");
}
