namespace IntakePipeline.Core.Submissions;

/// <summary>One data row of a submission, with cells aligned to <see cref="SubmissionTable.Headers"/>.</summary>
/// <param name="Number">The 1-based row number a person sees: the spreadsheet row (the header is row 1 in a CSV), or the index in a JSON array.</param>
/// <param name="Cells">One cell per header; missing trailing cells are <see cref="SubmissionCell.Empty"/>.</param>
public sealed record SubmissionRow(int Number, IReadOnlyList<SubmissionCell> Cells);
