namespace IntakePipeline.Core.Plan;

/// <summary>How the two sides of a <see cref="PlanRelation"/> must compare (checks.csv <c>relation</c> column).</summary>
public enum PlanRelationOperator
{
    /// <summary>等于: the sides agree within the rounding tolerance.</summary>
    Equal,

    /// <summary>不小于: the left side is at least the right side.</summary>
    AtLeast,

    /// <summary>不大于: the left side is at most the right side.</summary>
    AtMost,
}
