namespace IntakePipeline.Core.Validation;

/// <summary>
/// The stable issue codes (Frictionless-style). Reports, tables and reporting tools key on these strings, so a code
/// never changes meaning once published.
/// </summary>
public static class IssueCodes
{
    // Whole-file problems, found while reading.

    /// <summary>The file is larger than the configured cap (default 10 MiB).</summary>
    public const string FileTooLarge = "file-too-large";

    /// <summary>An XLSX archive breaks a cap: unpacked size, entry count or compression ratio.</summary>
    public const string ArchiveTooLarge = "archive-too-large";

    /// <summary>The file cannot be read as its format: a broken zip, malformed XML or JSON, binary junk, an unknown encoding.</summary>
    public const string UnreadableFile = "unreadable-file";

    /// <summary>The blob is not named <c>{yyyy-MM}/{file}.csv|.xlsx|.json</c>, so it is not a submission.</summary>
    public const string NotASubmission = "not-a-submission";

    /// <summary>The file is empty: no bytes, or no header row.</summary>
    public const string EmptyFile = "empty-file";

    /// <summary>The file has a header but no data rows.</summary>
    public const string NoRows = "no-rows";

    /// <summary>An XLSX cell held a formula; its cached value was used (warning).</summary>
    public const string FormulaCell = "formula-cell";

    // Header problems.

    /// <summary>A required column (指标代码 or 数值) is missing.</summary>
    public const string MissingLabel = "missing-label";

    /// <summary>Two columns map to the same field.</summary>
    public const string DuplicateLabel = "duplicate-label";

    /// <summary>A column that is neither in the contract nor in the template (warning).</summary>
    public const string ExtraLabel = "extra-label";

    // Row and cell problems.

    /// <summary>A value that is not a number.</summary>
    public const string TypeError = "type-error";

    /// <summary>A row with a value but no indicator code.</summary>
    public const string MissingIndicator = "missing-indicator";

    /// <summary>An indicator code that is not in the plan catalog.</summary>
    public const string UnknownIndicator = "unknown-indicator";

    /// <summary>An indicator this submitter does not report (e.g. a province-only indicator in a prefecture's file).</summary>
    public const string IndicatorNotAllocated = "indicator-not-allocated";

    /// <summary>A unit that is not the indicator's and cannot be converted to it.</summary>
    public const string UnitMismatch = "unit-mismatch";

    /// <summary>A second row for the same indicator.</summary>
    public const string DuplicateRow = "duplicate-row";

    /// <summary>A percentage outside [0, 100], a negative count, or a number too large to store once 万 or the unit is applied.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>The file's 市州代码 differs from the container it was uploaded to.</summary>
    public const string PrefectureMismatch = "prefecture-mismatch";

    /// <summary>The file's 期间 differs from the folder it was uploaded to.</summary>
    public const string PeriodMismatch = "period-mismatch";

    /// <summary>The period is in the future, or before 2021-01.</summary>
    public const string PeriodOutOfRange = "period-out-of-range";

    /// <summary>A cumulative value that is lower than the previous month's.</summary>
    public const string CumulativeDecrease = "cumulative-decrease";

    /// <summary>A month-over-month change far outside the indicator's own history (warning).</summary>
    public const string Outlier = "outlier";

    /// <summary>A value more than 100× the target, likely a unit slip such as a forgotten 万 (warning).</summary>
    public const string UnitSuspect = "unit-suspect";

    /// <summary>A cell that starts with =, +, - or @ and is not a number.</summary>
    public const string FormulaInjection = "formula-injection";
}
