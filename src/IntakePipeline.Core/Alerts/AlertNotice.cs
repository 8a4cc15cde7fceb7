using IntakePipeline.Core.Evaluation;

namespace IntakePipeline.Core.Alerts;

/// <summary>
/// One change of one alert: what the alert tracker decides and the outbox turns into email. A notice is about a
/// scope (a prefecture, or 520000 for the province roll-up) and an indicator, or, for <see cref="AlertKind.Missing"/>,
/// about a submitter's file for a period.
/// </summary>
/// <param name="Scope">The prefecture's GB/T 2260 code, or 520000.</param>
/// <param name="Indicator">The indicator code; <see cref="MissingIndicator"/> for a missing submission.</param>
/// <param name="Kind">What the alert is about.</param>
/// <param name="Change">How it changed.</param>
/// <param name="Period">The month the change was seen in; for a missing submission, the month whose file is missing.</param>
/// <param name="FirstPeriod">The month the alert first opened.</param>
/// <param name="Status">The status now (Trajectory and Breach); null for a missing submission.</param>
/// <param name="PreviousStatus">The status the alert had before this change; null when it opens.</param>
/// <param name="Entry">The month's scorecard row the change was decided on; null for a missing submission.</param>
/// <param name="Trajectory">The monthly actuals against the expected path up to <paramref name="Period"/>, oldest first; empty for a missing submission.</param>
/// <param name="CorrelationId">The correlation id of the submission (or deadline check) that caused the change.</param>
public sealed record AlertNotice(
    string Scope,
    string Indicator,
    AlertKind Kind,
    AlertChange Change,
    YearMonth Period,
    YearMonth FirstPeriod,
    TrajectoryStatus? Status,
    TrajectoryStatus? PreviousStatus,
    ScorecardEntry? Entry,
    IReadOnlyList<TrajectoryMonth> Trajectory,
    string CorrelationId)
{
    /// <summary>The indicator part of a missing-submission alert's key (<c>submission|Missing|{yyyy-MM}</c>).</summary>
    public const string MissingIndicator = "submission";

    /// <summary>
    /// What this change is about, stable across re-runs: the same alert transition always gives the same key, so the
    /// outbox can key its message on it and never queue the same change twice.
    /// </summary>
    public string TransitionKey => $"{Scope}|{Indicator}|{Kind}|{Change}|{Period}|{Status}";
}
