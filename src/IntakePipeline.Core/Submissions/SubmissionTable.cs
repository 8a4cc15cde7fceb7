using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Submissions;

/// <summary>
/// A submission file read into rows of text, before any validation. Reading never throws for bad input: what could
/// not be read is in <see cref="Issues"/>, and the table is then empty or partial.
/// </summary>
/// <param name="Format">The file's format.</param>
/// <param name="Encoding"><c>UTF-8</c>, <c>UTF-8-BOM</c> or <c>GB18030</c> for CSV; <c>GB18030</c> for a JSON file saved as "ANSI" on Chinese Windows; otherwise null (XLSX, UTF-8 JSON).</param>
/// <param name="Headers">The header cells as written in the file, trimmed.</param>
/// <param name="Rows">The data rows, blank rows left out.</param>
/// <param name="Issues">Issues found while reading: unreadable or oversize files, formula cells, and the like.</param>
public sealed record SubmissionTable(
    SubmissionFormat Format,
    string? Encoding,
    IReadOnlyList<string> Headers,
    IReadOnlyList<SubmissionRow> Rows,
    IReadOnlyList<ValidationIssue> Issues);
