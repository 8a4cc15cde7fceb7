namespace IntakePipeline.Core.Plan;

/// <summary>
/// One result of <see cref="PlanConsistencyCheck"/>: reported to plan staff, never thrown.
/// </summary>
/// <param name="Kind">One of <see cref="PlanFindingKinds"/>.</param>
/// <param name="Subject">The indicator code, or the check id for a relation.</param>
/// <param name="Message">What is wrong, in Chinese, with the figures involved.</param>
/// <param name="Sources">The sources (document number and section) of every point involved.</param>
public sealed record PlanFinding(string Kind, string Subject, string Message, IReadOnlyList<string> Sources)
{
    /// <summary>One readable line: <c>[kind] message 来源：source；source</c>.</summary>
    public override string ToString() => $"[{Kind}] {Message} 来源：{string.Join("；", Sources)}";
}
