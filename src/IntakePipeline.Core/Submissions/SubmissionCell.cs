namespace IntakePipeline.Core.Submissions;

/// <summary>
/// One cell as read from a file, as text. Numeric spreadsheet cells arrive already formatted with the invariant
/// culture, and percent-formatted ones already scaled (0.36 → "36").
/// </summary>
/// <param name="Text">The cell's text; empty for a blank cell.</param>
/// <param name="FromFormula">True when an XLSX cell held a formula and <paramref name="Text"/> is its cached value.</param>
public readonly record struct SubmissionCell(string Text, bool FromFormula = false)
{
    /// <summary>A blank cell.</summary>
    public static SubmissionCell Empty { get; } = new(string.Empty);

    /// <summary>True when the cell is empty or whitespace.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
