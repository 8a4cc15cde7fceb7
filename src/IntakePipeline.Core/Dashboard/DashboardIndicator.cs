using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Dashboard;

/// <summary>What one indicator's page is drawn from.</summary>
/// <param name="Period">The month shown.</param>
/// <param name="Latest">The latest month with results, for the links between months; null when the page stands alone (an export).</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Entries">The month's <c>Scorecard</c> rows of this indicator, one per scope.</param>
/// <param name="Actuals">The monthly actuals up to <paramref name="Period"/> by scope, ascending: accepted values, and for the province's roll-up the sums as stored.</param>
public sealed record DashboardIndicator(
    YearMonth Period,
    YearMonth? Latest,
    PlanIndicator Indicator,
    IReadOnlyList<ScorecardEntry> Entries,
    IReadOnlyDictionary<string, IReadOnlyList<MonthlyValue>> Actuals);
