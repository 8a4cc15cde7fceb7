using System.Collections.Concurrent;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Validation;

/// <summary>
/// Validates a submission read into a <see cref="SubmissionTable"/> against the plan catalog and the submitter's history
/// (docs/submitting.md). One pass reports every issue: the reader's issues first, then the
/// file's (period, header), then the rows in order. Any error rejects the whole file, which then yields no observations.
/// Pure and safe to share between threads.
/// </summary>
public sealed partial class SubmissionValidator
{
    /// <summary>The first period the system accepts: the start of the 14th Five-Year Plan.</summary>
    public static readonly YearMonth FirstPeriod = new(2021, 1);

    /// <summary>A shared all-false array for rows without formula-like cells; it is only ever read.</summary>
    private static readonly bool[] _noFlags = new bool[64];

    private const int NotSeen = int.MinValue;

    private readonly PlanCatalog _catalog;
    private readonly ThresholdsOptions _thresholds;
    private readonly PlanIndicator[] _indicatorList;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ordinals;

    // The catalog never changes, so what it says about each indicator for a known submitter is worked out once.
    private readonly ConcurrentDictionary<string, SubmitterPlan> _plans = new(StringComparer.Ordinal);

    /// <summary>Creates a validator over <paramref name="catalog"/>, with the outlier and unit-suspect thresholds of <paramref name="thresholds"/>.</summary>
    public SubmissionValidator(PlanCatalog catalog, ThresholdsOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(thresholds);
        _catalog = catalog;
        _thresholds = thresholds;

        // Codes match case-insensitively (u14 is U14) and by span, so the per-row lookup does not allocate. Each code
        // maps to its indicator's ordinal, which indexes the per-submitter answers and the file's first-row table.
        _indicatorList = [.. catalog.Indicators];
        var byCode = new Dictionary<string, int>(_indicatorList.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _indicatorList.Length; i++)
        {
            byCode[_indicatorList[i].Code] = i;
        }

        _ordinals = byCode.GetAlternateLookup<ReadOnlySpan<char>>();
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

        // A file that could not be read has no columns to speak of: only the reason it could not be read is reported.
        var unreadable = table.Rows.Count == 0 && HasError(table.Issues);
        var columns = SubmissionColumns.Resolve(table.Headers, unreadable ? [] : issues);
        var observations = new List<Observation>(table.Rows.Count);
        var plan = PlanFor(context.Submitter);

        // The row each indicator was first seen in, by ordinal, for duplicate-row; NotSeen until then.
        var firstRowOf = _indicatorList.Length <= 256 ? stackalloc int[_indicatorList.Length] : new int[_indicatorList.Length];
        firstRowOf.Fill(NotSeen);
        string? matchedPeriod = null;
        var rows = table.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            ValidateRow(rows[i], columns, context, plan, issues, observations, firstRowOf, ref matchedPeriod);
        }

        var rejected = HasError(issues);
        return new ValidationReport(table.Format, table.Encoding, table.Rows.Count, IssueFloods.Collapse(issues), rejected ? [] : observations);
    }

    private static bool HasError(IReadOnlyList<ValidationIssue> issues)
    {
        for (var i = 0; i < issues.Count; i++)
        {
            if (issues[i].Severity == IssueSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    private void ValidateRow(
        SubmissionRow row,
        SubmissionColumns columns,
        SubmissionContext context,
        SubmitterPlan plan,
        List<ValidationIssue> issues,
        List<Observation> observations,
        Span<int> firstRowOf,
        ref string? matchedPeriod)
    {
        var cells = CellsOf(row);
        var codeColumn = columns.IndexOf(SubmissionField.Indicator);
        var valueColumn = columns.IndexOf(SubmissionField.Value);
        var valueText = TextAt(cells, valueColumn);

        // Every cell may reach a spreadsheet or an email, so even a skipped row is checked for formulas.
        var injected = FlagInjections(row.Number, cells, columns, issues);

        // A blank value means "not reported this month" (docs/submitting.md, Columns): the row is skipped, not an error.
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

        var ordinal = -1;
        if (codeColumn >= 0 && !injected[codeColumn])
        {
            ordinal = ResolveIndicator(row.Number, cells, columns, context, plan, issues, firstRowOf);
        }

        if (valueColumn >= 0 && !injected[valueColumn] && !parsed)
        {
            issues.Add(IssueMessages.TypeError(row.Number, columns.Headers[valueColumn], valueText));
        }

        if (ordinal >= 0 && parsed)
        {
            var indicator = _indicatorList[ordinal];
            var unitColumn = columns.IndexOf(SubmissionField.Unit);
            if ((unitColumn < 0 || !injected[unitColumn])
                && TryCanonical(row.Number, cells, columns, indicator, number, suffix, issues, out var canonical)
                && IsInRange(row.Number, cells, columns, indicator, canonical, issues))
            {
                CheckHistory(row.Number, cells, columns, context, indicator, plan.LargestTarget(ordinal), canonical, issues);
                observations.Add(new Observation(indicator.Code, canonical, indicator.Unit));
            }
        }

        CheckIdentity(row.Number, cells, columns, context, injected, issues, ref matchedPeriod);
    }

    /// <summary>Flags every cell that a spreadsheet could run as a formula, and returns which columns were flagged.</summary>
    private static ReadOnlySpan<bool> FlagInjections(int row, ReadOnlySpan<SubmissionCell> cells, SubmissionColumns columns, List<ValidationIssue> issues)
    {
        bool[]? flagged = null;
        var width = Math.Max(cells.Length, columns.Headers.Count);
        for (var i = 0; i < cells.Length; i++)
        {
            var text = cells[i].Text;
            if (!SafeText.LooksLikeFormula(text))
            {
                continue;
            }

            flagged ??= new bool[width];
            flagged[i] = true;
            var column = i < columns.Headers.Count ? columns.Headers[i] : $"第 {i + 1} 列";
            issues.Add(IssueMessages.FormulaInjection(row, column, text));
        }

        return flagged ?? NoFlags(width);
    }

    /// <summary>The ordinal of the row's indicator, or -1 when it is missing, unknown, not the submitter's, or a duplicate.</summary>
    private int ResolveIndicator(
        int row,
        ReadOnlySpan<SubmissionCell> cells,
        SubmissionColumns columns,
        SubmissionContext context,
        SubmitterPlan plan,
        List<ValidationIssue> issues,
        Span<int> firstRowOf)
    {
        var codeColumn = columns.IndexOf(SubmissionField.Indicator);
        var codeText = TextAt(cells, codeColumn);
        var code = codeText.AsSpan().Trim();
        if (code.IsEmpty)
        {
            var valueColumn = columns.IndexOf(SubmissionField.Value);
            if (valueColumn >= 0)
            {
                issues.Add(IssueMessages.MissingIndicator(row, columns.Headers[codeColumn], columns.Headers[valueColumn], TextAt(cells, valueColumn)));
            }

            return -1;
        }

        if (!TryFindIndicator(code, out var ordinal))
        {
            issues.Add(IssueMessages.UnknownIndicator(row, columns.Headers[codeColumn], codeText));
            return -1;
        }

        var indicator = _indicatorList[ordinal];
        if (!plan.IsReported(ordinal))
        {
            issues.Add(IssueMessages.IndicatorNotAllocated(row, columns.Headers[codeColumn], codeText, indicator, context.Submitter, IssueMessages.ReportedBy(indicator)));
            return -1;
        }

        if (firstRowOf[ordinal] != NotSeen)
        {
            issues.Add(IssueMessages.DuplicateRow(row, columns.Headers[codeColumn], codeText, indicator, firstRowOf[ordinal]));
            return -1;
        }

        firstRowOf[ordinal] = row;
        return ordinal;
    }

    private bool TryFindIndicator(ReadOnlySpan<char> code, out int ordinal)
    {
        if (!FullWidth.HasAny(code))
        {
            return _ordinals.TryGetValue(code, out ordinal);
        }

        Span<char> folded = stackalloc char[code.Length];
        FullWidth.Fold(code, folded);
        return _ordinals.TryGetValue(((ReadOnlySpan<char>)folded).Trim(), out ordinal);
    }

    /// <summary>The catalog's answers for <paramref name="submitter"/>, kept for the known submitters.</summary>
    private SubmitterPlan PlanFor(string submitter)
    {
        if (submitter is not null && _plans.TryGetValue(submitter, out var cached))
        {
            return cached;
        }

        var plan = SubmitterPlan.Create(_catalog, _indicatorList, submitter!);
        return submitter is not null && Submitters.Find(submitter) is not null ? _plans.GetOrAdd(submitter, plan) : plan;
    }

    /// <summary>The row's cells as a span: the reader's arrays as they are, any other list copied.</summary>
    private static ReadOnlySpan<SubmissionCell> CellsOf(SubmissionRow row) =>
        row.Cells as SubmissionCell[] ?? [.. row.Cells];

    private static string TextAt(ReadOnlySpan<SubmissionCell> cells, int column) =>
        column >= 0 && column < cells.Length ? cells[column].Text ?? string.Empty : string.Empty;

    private static bool[] NoFlags(int count) => count <= _noFlags.Length ? _noFlags : new bool[count];
}
