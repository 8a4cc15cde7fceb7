namespace IntakePipeline.Core.Plan;

/// <summary>
/// One target point in a <see cref="PlanRelation"/>, written <c>U07|520000|2025-12</c> in checks.csv; its value is the
/// in-force point of that indicator, scope and month.
/// </summary>
/// <param name="Negated">True when the term is subtracted (<c>- U07|520000|2020-12</c>).</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Scope">520000 or a prefecture code.</param>
/// <param name="Date">The month of the point.</param>
public sealed record PlanRelationTerm(bool Negated, string Indicator, string Scope, YearMonth Date)
{
    /// <summary>The term as checks.csv writes it, without its sign: <c>U07|520000|2025-12</c>.</summary>
    public override string ToString() => $"{Indicator}|{Scope}|{Date}";
}
