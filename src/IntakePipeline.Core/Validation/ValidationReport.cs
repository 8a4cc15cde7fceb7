using IntakePipeline.Core.Submissions;

namespace IntakePipeline.Core.Validation;

/// <summary>
/// The outcome of validating one submission: every issue found in one pass and, when accepted, the observations.
/// A submission is atomic: any error rejects it, and then it yields no observations.
/// </summary>
/// <param name="Format">The file's format.</param>
/// <param name="Encoding">The detected CSV encoding (<c>UTF-8</c>, <c>UTF-8-BOM</c>, <c>GB18030</c>), or <c>GB18030</c> for a JSON file in that encoding; null for XLSX and UTF-8 JSON.</param>
/// <param name="RowCount">The number of data rows read.</param>
/// <param name="Issues">Every issue, in row order, file-level issues first.</param>
/// <param name="Observations">The accepted values in canonical units; empty when rejected.</param>
public sealed record ValidationReport(
    SubmissionFormat Format,
    string? Encoding,
    int RowCount,
    IReadOnlyList<ValidationIssue> Issues,
    IReadOnlyList<Observation> Observations)
{
    /// <summary>True when no issue is an error.</summary>
    public bool Accepted => !Issues.Any(i => i.Severity == IssueSeverity.Error);

    /// <summary>The number of errors.</summary>
    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);

    /// <summary>The number of warnings.</summary>
    public int WarningCount => Issues.Count(i => i.Severity == IssueSeverity.Warning);
}
