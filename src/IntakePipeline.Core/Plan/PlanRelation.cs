namespace IntakePipeline.Core.Plan;

/// <summary>
/// A cross-indicator consistency relation from checks.csv that the generic allocation check cannot see, e.g. 专栏3's
/// county new urban population against U07's increase from 2020 to 2025.
/// </summary>
/// <param name="Id">The check's id, e.g. <c>C03</c>.</param>
/// <param name="Left">The terms summed on the left side.</param>
/// <param name="Operator">How the left side must compare with the right side.</param>
/// <param name="Right">The terms summed on the right side.</param>
/// <param name="Note">What the relation means, in Chinese; findings quote it.</param>
public sealed record PlanRelation(
    string Id,
    IReadOnlyList<PlanRelationTerm> Left,
    PlanRelationOperator Operator,
    IReadOnlyList<PlanRelationTerm> Right,
    string Note)
{
    /// <summary>Writes one side as checks.csv does: terms joined by <c> + </c> and <c> - </c>.</summary>
    public static string FormatSide(IReadOnlyList<PlanRelationTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0 || terms[i].Negated)
            {
                text.Append(terms[i].Negated ? (i == 0 ? "- " : " - ") : " + ");
            }

            text.Append(terms[i]);
        }

        return text.ToString();
    }
}
