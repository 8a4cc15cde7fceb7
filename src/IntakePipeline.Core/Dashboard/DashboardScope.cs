using IntakePipeline.Core.Evaluation;

namespace IntakePipeline.Core.Dashboard;

/// <summary>What the page of one prefecture (or of the province) is drawn from.</summary>
/// <param name="Period">The month shown.</param>
/// <param name="Latest">The latest month with results, for the links between months; null when the page stands alone (an export).</param>
/// <param name="Submitter">The prefecture or the province.</param>
/// <param name="Entries">The month's <c>Scorecard</c> rows of this scope.</param>
/// <param name="Actuals">The scope's monthly actuals up to <paramref name="Period"/> by indicator, ascending.</param>
/// <param name="Submissions">The submitter's <c>Submissions</c> rows up to <paramref name="Period"/>.</param>
public sealed record DashboardScope(
    YearMonth Period,
    YearMonth? Latest,
    Submitter Submitter,
    IReadOnlyList<ScorecardEntry> Entries,
    IReadOnlyDictionary<string, IReadOnlyList<MonthlyValue>> Actuals,
    IReadOnlyList<SubmissionRecord> Submissions);
