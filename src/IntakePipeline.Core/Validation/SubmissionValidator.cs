using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Validation;

/// <summary>
/// Validates a submission read into a <see cref="SubmissionTable"/> against the plan catalog and the submitter's history
/// (DESIGN.md, Submission contract; issue 2 §4). One pass reports every issue: the reader's issues first, then the
/// file's (period, header), then the rows in order. Any error rejects the whole file, which then yields no observations.
/// Pure and safe to share between threads.
/// </summary>
public sealed partial class SubmissionValidator
{
    /// <summary>The first period the system accepts: the start of the 14th Five-Year Plan.</summary>
    public static readonly YearMonth FirstPeriod = new(2021, 1);

    /// <summary>A shared all-false array for rows without formula-like cells; it is only ever read.</summary>
    private static readonly bool[] _noFlags = new bool[64];

    private readonly PlanCatalog _catalog;
    private readonly ThresholdsOptions _thresholds;
    private readonly Dictionary<string, PlanIndicator>.AlternateLookup<ReadOnlySpan<char>> _indicators;

    /// <summary>Creates a validator over <paramref name="catalog"/>, with the outlier and unit-suspect thresholds of <paramref name="thresholds"/>.</summary>
    public SubmissionValidator(PlanCatalog catalog, ThresholdsOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(thresholds);
        _catalog = catalog;
        _thresholds = thresholds;

        // Codes match case-insensitively (u14 is U14) and by span, so the per-row lookup does not allocate.
        var byCode = new Dictionary<string, PlanIndicator>(catalog.Indicators.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in catalog.Indicators)
        {
            byCode[indicator.Code] = indicator;
        }

        _indicators = byCode.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Validates <paramref name="table"/> for the submitter and period of <paramref name="context"/>.</summary>
    /// <returns>Every issue found and, when no issue is an error, one observation per reported row in its canonical unit.</returns>
    public ValidationReport Validate(SubmissionTable table, SubmissionContext context)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(context);

        var issues = new List<ValidationIssue>(table.Issues);
        if (context.Period > context.CurrentMonth)
        {
            issues.Add(IssueMessages.PeriodInFuture(context.Period, context.CurrentMonth));
        }
        else if (context.Period < FirstPeriod)
        {
            issues.Add(IssueMessages.PeriodTooEarly(context.Period, FirstPeriod));
        }

        var columns = SubmissionColumns.Resolve(table.Headers, issues);
        var observations = new List<Observation>(table.Rows.Count);
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            ValidateRow(row, columns, context, issues, observations, firstRowOf);
        }

        var rejected = false;
        foreach (var issue in issues)
        {
            rejected |= issue.Severity == IssueSeverity.Error;
        }

        return new ValidationReport(table.Format, table.Encoding, table.Rows.Count, issues, rejected ? [] : observations);
    }

    private void ValidateRow(
        SubmissionRow row,
        SubmissionColumns columns,
        SubmissionContext context,
        List<ValidationIssue> issues,
        List<Observation> observations,
        Dictionary<string, int> firstRowOf)
    {
        var codeColumn = columns.IndexOf(SubmissionField.Indicator);
        var valueColumn = columns.IndexOf(SubmissionField.Value);
        var valueText = TextAt(row, valueColumn);

        // Every cell may reach a spreadsheet or an email, so even a skipped row is checked for formulas.
        var injected = FlagInjections(row, columns, issues);

        // A blank value means "not reported this month" (DESIGN.md): the row is skipped, not an error.
        if (valueColumn >= 0 && string.IsNullOrWhiteSpace(valueText))
        {
            return;
        }

        var number = 0.0;
        var suffix = NumberSuffix.None;
        var parsed = false;
        if (valueColumn >= 0 && !injected[valueColumn])
        {
            parsed = SubmissionNumber.TryParse(valueText, out number, out suffix);
        }

        PlanIndicator? indicator = null;
        if (codeColumn >= 0 && !injected[codeColumn])
        {
            indicator = ResolveIndicator(row, columns, context, issues, firstRowOf);
        }

        if (valueColumn >= 0 && !injected[valueColumn] && !parsed)
        {
            issues.Add(IssueMessages.TypeError(row.Number, columns.Headers[valueColumn], valueText));
        }

        if (indicator is not null && parsed)
        {
            var unitColumn = columns.IndexOf(SubmissionField.Unit);
            if ((unitColumn < 0 || !injected[unitColumn])
                && TryCanonical(row, columns, indicator, number, suffix, issues, out var canonical)
                && IsInRange(row, columns, indicator, canonical, issues))
            {
                CheckHistory(row, columns, context, indicator, canonical, issues);
                observations.Add(new Observation(indicator.Code, canonical, indicator.Unit));
            }
        }

        CheckIdentity(row, columns, context, injected, issues);
    }

    /// <summary>Flags every cell that a spreadsheet could run as a formula, and returns which columns were flagged.</summary>
    private static ReadOnlySpan<bool> FlagInjections(SubmissionRow row, SubmissionColumns columns, List<ValidationIssue> issues)
    {
        bool[]? flagged = null;
        var cells = row.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var text = cells[i].Text;
            if (!SafeText.LooksLikeFormula(text))
            {
                continue;
            }

            flagged ??= new bool[Math.Max(cells.Count, columns.Headers.Count)];
            flagged[i] = true;
            var column = i < columns.Headers.Count ? columns.Headers[i] : $"第 {i + 1} 列";
            issues.Add(IssueMessages.FormulaInjection(row.Number, column, text));
        }

        return flagged ?? NoFlags(Math.Max(cells.Count, columns.Headers.Count));
    }

    private PlanIndicator? ResolveIndicator(
        SubmissionRow row,
        SubmissionColumns columns,
        SubmissionContext context,
        List<ValidationIssue> issues,
        Dictionary<string, int> firstRowOf)
    {
        var codeColumn = columns.IndexOf(SubmissionField.Indicator);
        var codeText = TextAt(row, codeColumn);
        var header = columns.Headers[codeColumn];
        var code = codeText.AsSpan().Trim();
        if (code.IsEmpty)
        {
            var valueColumn = columns.IndexOf(SubmissionField.Value);
            if (valueColumn >= 0)
            {
                issues.Add(IssueMessages.MissingIndicator(row.Number, header, columns.Headers[valueColumn], TextAt(row, valueColumn)));
            }

            return null;
        }

        if (!TryFindIndicator(code, out var indicator))
        {
            issues.Add(IssueMessages.UnknownIndicator(row.Number, header, codeText));
            return null;
        }

        if (!_catalog.IsReportedBy(indicator, context.Submitter))
        {
            issues.Add(IssueMessages.IndicatorNotAllocated(row.Number, header, codeText, indicator, context.Submitter, IssueMessages.ReportedBy(indicator)));
            return null;
        }

        if (!firstRowOf.TryAdd(indicator.Code, row.Number))
        {
            issues.Add(IssueMessages.DuplicateRow(row.Number, header, codeText, indicator, firstRowOf[indicator.Code]));
            return null;
        }

        return indicator;
    }

    private bool TryFindIndicator(ReadOnlySpan<char> code, out PlanIndicator indicator)
    {
        if (!FullWidth.HasAny(code))
        {
            return _indicators.TryGetValue(code, out indicator!);
        }

        Span<char> folded = stackalloc char[code.Length];
        FullWidth.Fold(code, folded);
        return _indicators.TryGetValue(((ReadOnlySpan<char>)folded).Trim(), out indicator!);
    }

    private static string TextAt(SubmissionRow row, int column) =>
        column >= 0 && column < row.Cells.Count ? row.Cells[column].Text ?? string.Empty : string.Empty;

    private static bool[] NoFlags(int count) => count <= _noFlags.Length ? _noFlags : new bool[count];
}
