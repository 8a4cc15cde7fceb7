using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Alerts;

/// <summary>
/// The <c>Alerts</c> table (docs/tables.md): PartitionKey = scope, RowKey = <c>{indicator}|{kind}</c>, or
/// <c>submission|Missing|{yyyy-MM}</c> for a missing submission. Besides the documented State, Severity, FirstPeriod,
/// LastPeriod, NotifiedAt and Message, a row keeps what its last change was (Change, ChangedPeriod, PreviousSeverity,
/// CorrelationId), so that a re-run of the same tracking call can give the same notice again, and the figures of the
/// month it was last seen in (Actual, Expected, Target, TargetDate, Lag; ReportedCount, ExpectedCount and Partial for
/// a roll-up).
/// </summary>
internal static class AlertRows
{
    public const string Open = "Open";

    public const string Resolved = "Resolved";

    public static string RowKey(string indicator, AlertKind kind) => indicator + "|" + kind;

    public static string MissingRowKey(YearMonth period) => AlertNotice.MissingIndicator + "|" + AlertKind.Missing + "|" + period;

    /// <summary>The row keys of the missing-submission alerts start with this.</summary>
    public static string MissingPrefix => AlertNotice.MissingIndicator + "|" + AlertKind.Missing + "|";

    public static AlertState StateOf(TableRow? row) => row?.GetString("State") switch
    {
        Open => AlertState.Open,
        Resolved => AlertState.Resolved,
        _ => AlertState.None,
    };

    public static TrajectoryStatus? Status(TableRow? row, string column) =>
        Enum.TryParse<TrajectoryStatus>(row?.GetString(column), out var status) ? status : null;

    public static AlertChange? ChangeOf(TableRow row) =>
        Enum.TryParse<AlertChange>(row.GetString("Change"), out var change) ? change : null;

    public static YearMonth? Period(TableRow? row, string column) =>
        YearMonth.TryParse(row?.GetString(column), out var period) ? period : null;

    /// <summary>The row after a change of a trajectory or breach alert.</summary>
    public static TableRow Changed(
        ScorecardEntry entry,
        AlertKind kind,
        AlertChange change,
        YearMonth firstPeriod,
        TrajectoryStatus? previous,
        DateTimeOffset? notifiedAt,
        string message,
        string correlationId)
    {
        var row = new TableRow(entry.Scope, RowKey(entry.Indicator, kind))
        {
            ["Indicator"] = entry.Indicator,
            ["Kind"] = kind.ToString(),
            ["State"] = change == AlertChange.Resolved ? Resolved : Open,
            ["Severity"] = entry.Status.ToString(),
            ["PreviousSeverity"] = previous?.ToString(),
            ["FirstPeriod"] = firstPeriod.ToString(),
            ["LastPeriod"] = entry.Period.ToString(),
            ["Change"] = change.ToString(),
            ["ChangedPeriod"] = entry.Period.ToString(),
            ["NotifiedAt"] = notifiedAt,
            ["Message"] = message,
            ["CorrelationId"] = correlationId,
        };
        return WithFigures(row, entry);
    }

    /// <summary>A merge that moves an open alert's LastPeriod and figures on to a month that did not change it.</summary>
    public static TableRow Seen(ScorecardEntry entry, AlertKind kind, string message) =>
        WithFigures(new TableRow(entry.Scope, RowKey(entry.Indicator, kind))
        {
            ["LastPeriod"] = entry.Period.ToString(),
            ["Message"] = message,
        }, entry);

    /// <summary>A new open missing-submission alert.</summary>
    public static TableRow MissingOpened(string submitter, YearMonth period, DateTimeOffset deadline, DateTimeOffset now, string message, string correlationId) =>
        new(submitter, MissingRowKey(period))
        {
            ["Indicator"] = AlertNotice.MissingIndicator,
            ["Kind"] = AlertKind.Missing.ToString(),
            ["State"] = Open,
            ["FirstPeriod"] = period.ToString(),
            ["LastPeriod"] = period.ToString(),
            ["Change"] = AlertChange.Opened.ToString(),
            ["ChangedPeriod"] = period.ToString(),
            ["Deadline"] = deadline,
            ["NotifiedAt"] = now,
            ["Message"] = message,
            ["CorrelationId"] = correlationId,
        };

    /// <summary>The merge that resolves a missing-submission alert.</summary>
    public static TableRow MissingResolved(string submitter, YearMonth period, DateTimeOffset now, string message, string correlationId) =>
        new(submitter, MissingRowKey(period))
        {
            ["State"] = Resolved,
            ["Change"] = AlertChange.Resolved.ToString(),
            ["NotifiedAt"] = now,
            ["Message"] = message,
            ["CorrelationId"] = correlationId,
        };

    /// <summary>Reads a <c>Scorecard</c> row back into an entry; null when its key or status does not parse.</summary>
    public static ScorecardEntry? EntryOf(TableRow row)
    {
        var separator = row.RowKey.IndexOf('|', StringComparison.Ordinal);
        if (separator <= 0 || !YearMonth.TryParse(row.PartitionKey, out var period) || Status(row, "Status") is not { } status)
        {
            return null;
        }

        return new ScorecardEntry(
            row.RowKey[..separator],
            row.RowKey[(separator + 1)..],
            period,
            row.GetDouble("Actual"),
            row.GetDouble("Expected"),
            row.GetDouble("Target"),
            Period(row, "TargetDate"),
            row.GetDouble("Baseline"),
            row.GetDouble("Lag"),
            status,
            row.GetDouble("Projected"),
            row.GetString("Source"),
            row.GetInt32("ReportedCount"),
            row.GetInt32("ExpectedCount"));
    }

    private static TableRow WithFigures(TableRow row, ScorecardEntry entry)
    {
        row["Actual"] = entry.Actual;
        row["Expected"] = entry.Expected;
        row["Target"] = entry.Target;
        row["TargetDate"] = entry.TargetDate?.ToString();
        row["Lag"] = entry.Lag;
        if (entry.ReportedCount is { } reported && entry.ExpectedCount is { } expected)
        {
            row["ReportedCount"] = reported;
            row["ExpectedCount"] = expected;
            row["Partial"] = entry.IsPartial;
        }

        return row;
    }
}
