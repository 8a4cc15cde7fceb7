using IntakePipeline.Core.Evaluation;

namespace IntakePipeline.Core.Dashboard;

/// <summary>One sheet of the dashboard's export: a name, a header row and rows of cells.</summary>
/// <param name="Name">The sheet's name (at most 31 characters), also the CSV file's name.</param>
/// <param name="Header">The column titles.</param>
/// <param name="Rows">The rows, each as long as <paramref name="Header"/>.</param>
public sealed record DashboardSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<DashboardSheetCell>> Rows);

/// <summary>A cell of a <see cref="DashboardSheet"/>: a number or a text, and the status it is coloured by, if any.</summary>
/// <param name="Text">The text, when the cell is not a number.</param>
/// <param name="Number">The number, when it is one.</param>
/// <param name="Status">The status the cell is coloured by; null for an uncoloured cell.</param>
public readonly record struct DashboardSheetCell(string? Text, double? Number = null, TrajectoryStatus? Status = null)
{
    /// <summary>A text cell.</summary>
    public static implicit operator DashboardSheetCell(string? text) => new(text);
}
