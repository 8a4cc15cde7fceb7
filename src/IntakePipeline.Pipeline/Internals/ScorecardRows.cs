using IntakePipeline.Core;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>Maps scorecard entries onto the <c>Scorecard</c> and <c>ScorecardLatest</c> tables (docs/tables.md, Result tables).</summary>
internal static class ScorecardRows
{
    /// <summary>The <c>Scorecard</c> RowKey: <c>{scope}|{indicator}</c>.</summary>
    public static string RowKey(string scope, string indicator) => scope + "|" + indicator;

    /// <summary>A <c>Scorecard</c> row: PartitionKey <c>yyyy-MM</c>, RowKey <c>{scope}|{indicator}</c>; null values are absent.</summary>
    public static TableRow Scorecard(ScorecardEntry entry) =>
        Fill(new TableRow(entry.Period.ToString(), RowKey(entry.Scope, entry.Indicator)), entry);

    /// <summary>A <c>ScorecardLatest</c> row: PartitionKey the scope, RowKey the indicator, the same columns plus Period.</summary>
    public static TableRow Latest(ScorecardEntry entry)
    {
        var row = Fill(new TableRow(entry.Scope, entry.Indicator), entry);
        row["Period"] = entry.Period.ToString();
        return row;
    }

    /// <summary>The period of a <c>ScorecardLatest</c> row, or null when it has none that parses.</summary>
    public static YearMonth? PeriodOf(TableRow row) =>
        YearMonth.TryParse(row.GetString("Period"), out var period) ? period : null;

    private static TableRow Fill(TableRow row, ScorecardEntry entry)
    {
        row["Actual"] = entry.Actual;
        row["Expected"] = entry.Expected;
        row["Target"] = entry.Target;
        row["TargetDate"] = entry.TargetDate?.ToString();
        row["Baseline"] = entry.Baseline;
        row["Lag"] = entry.Lag;
        row["Status"] = entry.Status.ToString();
        row["Projected"] = entry.Projected;
        row["Source"] = entry.Source;
        if (entry.ReportedCount is { } reported && entry.ExpectedCount is { } expected)
        {
            row["ReportedCount"] = reported;
            row["ExpectedCount"] = expected;
            row["Partial"] = entry.IsPartial;
        }

        return row;
    }
}
