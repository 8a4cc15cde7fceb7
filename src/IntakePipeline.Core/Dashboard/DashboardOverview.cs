using IntakePipeline.Core.Evaluation;

namespace IntakePipeline.Core.Dashboard;

/// <summary>What the overview of one period is drawn from.</summary>
/// <param name="Period">The month shown.</param>
/// <param name="Latest">The latest month with results, for the links between months; null when the page stands alone (an export).</param>
/// <param name="Entries">The month's <c>Scorecard</c> rows, every scope, province roll-ups as stored.</param>
/// <param name="Submissions">The month's <c>Submissions</c> rows, every submitter.</param>
public sealed record DashboardOverview(
    YearMonth Period,
    YearMonth? Latest,
    IReadOnlyList<ScorecardEntry> Entries,
    IReadOnlyList<SubmissionRecord> Submissions);
