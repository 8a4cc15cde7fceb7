namespace IntakePipeline.Core.Evaluation;

/// <summary>
/// One row of the scorecard: an indicator in a scope for a month, judged against its plan trajectory. It maps onto the
/// <c>Scorecard</c> table (docs/tables.md).
/// </summary>
/// <param name="Scope">520000 for the province, or a prefecture's GB/T 2260 code.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Period">The month judged.</param>
/// <param name="Actual">The actual value counted for the month, in the canonical unit; null when none was reported.</param>
/// <param name="Expected">The plan's expected value at the end of the month; null before the first plan point.</param>
/// <param name="Target">The next plan point's value (the first dated at or after the month, else the last).</param>
/// <param name="TargetDate">The month <paramref name="Target"/> is due.</param>
/// <param name="Baseline">The first point's value (the 2020-12 baseline), or 0 for a cumulative indicator.</param>
/// <param name="Lag">The lag as a fraction of the plan's span; positive means behind in either direction.</param>
/// <param name="Status">The judgement.</param>
/// <param name="Projected">The least-squares trend of the recent actuals at <paramref name="TargetDate"/>; null when too few.</param>
/// <param name="Source">The provenance of <paramref name="Target"/>: document number and section.</param>
/// <param name="ReportedCount">For a province roll-up: how many prefectures reported the indicator for the month.</param>
/// <param name="ExpectedCount">For a province roll-up: how many prefectures report the indicator (9 normally).</param>
public sealed record ScorecardEntry(
    string Scope,
    string Indicator,
    YearMonth Period,
    double? Actual,
    double? Expected,
    double? Target,
    YearMonth? TargetDate,
    double? Baseline,
    double? Lag,
    TrajectoryStatus Status,
    double? Projected,
    string? Source,
    int? ReportedCount = null,
    int? ExpectedCount = null)
{
    /// <summary>True for a roll-up that fewer prefectures reported than are expected to.</summary>
    public bool IsPartial => ReportedCount < ExpectedCount;
}
