namespace IntakePipeline.Core.Plan;

/// <summary>The stable kinds of <see cref="PlanFinding"/>.</summary>
public static class PlanFindingKinds
{
    /// <summary>The prefecture points of an indicator and month do not add up to the province's point.</summary>
    public const string AllocationSum = "allocation-sum";

    /// <summary>A cross-indicator relation from checks.csv does not hold.</summary>
    public const string Relation = "relation";

    /// <summary>A target's unit differs from its indicator's unit.</summary>
    public const string Unit = "unit";

    /// <summary>One document gives two points for the same indicator, scope and month.</summary>
    public const string DuplicatePoint = "duplicate-point";

    /// <summary>A later document restated a point with a different figure or qualifier (informational).</summary>
    public const string RestatedValue = "restated-value";
}
