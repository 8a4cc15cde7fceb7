namespace IntakePipeline.Core.Plan;

/// <summary>
/// One point of the plan: the value an indicator should reach in a scope by the end of a month. A level indicator's
/// 2020 value is its point at 2020-12.
/// </summary>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Scope">520000 for the province, a prefecture's GB/T 2260 code, or a region (<see cref="PlanScopes.Regions"/>).</param>
/// <param name="Date">The month the value is due (its end).</param>
/// <param name="Value">The figure, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit as the document gives it; the consistency check compares it with the indicator's.</param>
/// <param name="Qualifier">左右 / 以上 / 以内 / 以下, or none.</param>
/// <param name="DocumentId">The id of the document it comes from, e.g. <c>2023-571</c>.</param>
/// <param name="Source">The document number and section, e.g. 黔发改城镇〔2022〕22号 专栏4 老旧小区改造.</param>
/// <param name="Superseded">True when a later document restates this point; the later one is in force.</param>
public sealed record PlanTarget(
    string Indicator,
    string Scope,
    YearMonth Date,
    double Value,
    string Unit,
    TargetQualifier Qualifier,
    string DocumentId,
    string Source,
    bool Superseded);
