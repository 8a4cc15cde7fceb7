using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Validation.Internals;

/// <summary>
/// What validation asks the catalog about each indicator for one submitter, answered once per catalog and submitter
/// instead of once per row: whether the submitter reports it, and the largest target in force for the unit-suspect
/// check. Indexed by the validator's indicator ordinal.
/// </summary>
internal sealed class SubmitterPlan
{
    private readonly bool[] _reported;
    private readonly double[] _largestTarget;

    private SubmitterPlan(bool[] reported, double[] largestTarget)
    {
        _reported = reported;
        _largestTarget = largestTarget;
    }

    /// <summary>True when the submitter is expected to report the indicator (<see cref="PlanCatalog.IsReportedBy"/>).</summary>
    public bool IsReported(int ordinal) => _reported[ordinal];

    /// <summary>
    /// The largest |value| of the targets in force for the submitter's scope, or the province's for a weighted indicator
    /// without its own; 0 when there are none.
    /// </summary>
    public double LargestTarget(int ordinal) => _largestTarget[ordinal];

    /// <summary>Answers the questions for every indicator of <paramref name="indicators"/>, in that order.</summary>
    public static SubmitterPlan Create(PlanCatalog catalog, IReadOnlyList<PlanIndicator> indicators, string submitter)
    {
        var reported = new bool[indicators.Count];
        var largest = new double[indicators.Count];
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            reported[i] = catalog.IsReportedBy(indicator, submitter);

            var targets = catalog.TargetsInForce(indicator.Code, submitter);
            if (targets.Count == 0 && indicator.Aggregation == IndicatorAggregation.Weighted)
            {
                targets = catalog.TargetsInForce(indicator.Code, Submitters.Province);
            }

            for (var t = 0; t < targets.Count; t++)
            {
                largest[i] = Math.Max(largest[i], Math.Abs(targets[t].Value));
            }
        }

        return new SubmitterPlan(reported, largest);
    }
}
