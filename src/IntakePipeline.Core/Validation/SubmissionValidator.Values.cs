using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation.Internals;

namespace IntakePipeline.Core.Validation;

/// <summary>Units, ranges and the identity columns.</summary>
public sealed partial class SubmissionValidator
{
    /// <summary>
    /// Converts a parsed number to the indicator's canonical unit. A 万 suffix multiplies the base unit: the unit
    /// column's unit or, when blank, the canonical unit without its leading 万 (canonical 万户 + "10.5万" → 10.5;
    /// canonical 公里 + "1.2万" → 12000). A % suffix states the unit %.
    /// </summary>
    private static bool TryCanonical(
        int row,
        ReadOnlySpan<SubmissionCell> cells,
        SubmissionColumns columns,
        PlanIndicator indicator,
        double number,
        NumberSuffix suffix,
        List<ValidationIssue> issues,
        out double canonical)
    {
        canonical = number;
        var unitColumn = columns.IndexOf(SubmissionField.Unit);
        var unitText = TextAt(cells, unitColumn);
        var unitBlank = string.IsNullOrWhiteSpace(unitText);
        var canonicalUnit = indicator.Unit;

        // The common case, a blank unit or the canonical one typed as is, allocates nothing.
        if (suffix == NumberSuffix.None && (unitBlank || unitText.AsSpan().Trim().SequenceEqual(canonicalUnit)))
        {
            return true;
        }

        var unit = unitBlank ? null : SubmissionUnits.Normalize(unitText);
        var target = SubmissionUnits.Normalize(canonicalUnit);
        var valueColumn = columns.IndexOf(SubmissionField.Value);
        int power;
        switch (suffix)
        {
            case NumberSuffix.Percent when (unit ?? "%") != "%" || target != "%":
                issues.Add(IssueMessages.UnitMismatch(row, columns.Headers[valueColumn], TextAt(cells, valueColumn), "%", indicator));
                return false;
            case NumberSuffix.Percent:
                return true;
            case NumberSuffix.TenThousand when unit is null:
                // The 万 and the canonical unit's own leading 万 cancel out: canonical 万户 + "10.5万" is 10.5.
                power = target.Length > 1 && target[0] == '万' ? 0 : SubmissionUnits.TenThousandPower;
                break;
            default:
                var given = unit ?? target;
                if (SubmissionUnits.PowerOfTen(given, target) is not { } conversion)
                {
                    var column = unitBlank ? valueColumn : unitColumn;
                    issues.Add(IssueMessages.UnitMismatch(row, columns.Headers[column], TextAt(cells, column), given, indicator));
                    return false;
                }

                power = conversion + (suffix == NumberSuffix.TenThousand ? SubmissionUnits.TenThousandPower : 0);
                break;
        }

        // Scale the decimal text rather than multiply, so 1.1万 is exactly 11000.
        if (power == 0 || SubmissionNumber.TryParse(TextAt(cells, valueColumn), power, out canonical, out _))
        {
            return true;
        }

        // The text parsed before scaling, so only the scale can have pushed it past what a double holds.
        issues.Add(IssueMessages.ScaledOutOfRange(row, columns.Headers[valueColumn], TextAt(cells, valueColumn), indicator));
        return false;
    }

    /// <summary>A % value must lie in [0, 100], and no value may be negative; a growth rate may be either.</summary>
    private static bool IsInRange(int row, ReadOnlySpan<SubmissionCell> cells, SubmissionColumns columns, PlanIndicator indicator, double value, List<ValidationIssue> issues)
    {
        if (indicator.Kind == IndicatorKind.Rate)
        {
            return true;
        }

        var valueColumn = columns.IndexOf(SubmissionField.Value);
        if (IsPercent(indicator.Unit) && value is < 0 or > 100)
        {
            issues.Add(IssueMessages.PercentOutOfRange(row, columns.Headers[valueColumn], TextAt(cells, valueColumn), value, indicator));
            return false;
        }

        if (value < 0)
        {
            issues.Add(IssueMessages.NegativeValue(row, columns.Headers[valueColumn], TextAt(cells, valueColumn), value, indicator));
            return false;
        }

        return true;
    }

    private static bool IsPercent(string unit) => unit.AsSpan().Trim() is "%" or "％";

    /// <summary>
    /// The 市州代码 and 期间 cells, when present, must name the container's submitter and the folder's period.
    /// <paramref name="matchedPeriod"/> is the last period text that matched: every row usually repeats it, and it need
    /// not be parsed again.
    /// </summary>
    private static void CheckIdentity(
        int row,
        ReadOnlySpan<SubmissionCell> cells,
        SubmissionColumns columns,
        SubmissionContext context,
        ReadOnlySpan<bool> injected,
        List<ValidationIssue> issues,
        ref string? matchedPeriod)
    {
        var prefectureColumn = columns.IndexOf(SubmissionField.Prefecture);
        var prefecture = TextAt(cells, prefectureColumn);
        if (!string.IsNullOrWhiteSpace(prefecture) && !injected[prefectureColumn] && !NamesSubmitter(prefecture, context.Submitter))
        {
            issues.Add(IssueMessages.PrefectureMismatch(row, columns.Headers[prefectureColumn], prefecture, context.Submitter));
        }

        var periodColumn = columns.IndexOf(SubmissionField.Period);
        var period = TextAt(cells, periodColumn);
        if (string.IsNullOrWhiteSpace(period) || injected[periodColumn] || period == matchedPeriod)
        {
            return;
        }

        if (!PeriodText.TryParse(period, out var month))
        {
            issues.Add(IssueMessages.PeriodUnreadable(row, columns.Headers[periodColumn], period, context.Period));
        }
        else if (month != context.Period)
        {
            issues.Add(IssueMessages.PeriodMismatch(row, columns.Headers[periodColumn], period, context.Period));
        }
        else
        {
            matchedPeriod = period;
        }
    }

    /// <summary>The code itself (half- or full-width, or as a spreadsheet number such as 520300.0), or the submitter's name.</summary>
    private static bool NamesSubmitter(string text, string submitter)
    {
        var span = text.AsSpan().Trim();
        if (span.SequenceEqual(submitter))
        {
            return true;
        }

        var folded = FullWidth.FoldTrim(text);
        if (folded == submitter
            || (double.TryParse(folded, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var asNumber)
                && int.TryParse(submitter, System.Globalization.CultureInfo.InvariantCulture, out var code) && asNumber == code))
        {
            return true;
        }

        return Submitters.Find(submitter) is { } known && folded == known.Name;
    }
}
