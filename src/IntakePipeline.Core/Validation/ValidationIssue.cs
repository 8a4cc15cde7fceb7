namespace IntakePipeline.Core.Validation;

/// <summary>One problem found in a submission, precise enough for a data officer to fix it.</summary>
/// <param name="Code">A stable code from <see cref="IssueCodes"/>, e.g. <c>type-error</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Row">The 1-based row as a spreadsheet shows it; null for an issue with the whole file.</param>
/// <param name="Column">The column's header as written in the file; null when no column applies.</param>
/// <param name="Value">The offending value as written; null when there is none.</param>
/// <param name="Message">A Chinese message that says what is wrong and how to fix it.</param>
/// <param name="Count">
/// How many times the same issue occurred: 1, or, when the same problem repeats on many rows (a neighbour's file with
/// the wrong 市州代码 on every row), the number of rows it stands for. <paramref name="Row"/> is then the first of them,
/// and <paramref name="Message"/> names the first few.
/// </param>
public sealed record ValidationIssue(
    string Code,
    IssueSeverity Severity,
    int? Row,
    string? Column,
    string? Value,
    string Message,
    int Count = 1);
