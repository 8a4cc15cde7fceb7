using IntakePipeline.Core;
using IntakePipeline.Core.Dashboard;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Storage;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Dashboard;

/// <summary>
/// Reads what a dashboard page shows, from a handful of partitions and key ranges: <c>ScorecardLatest</c> for the latest
/// month, one <c>Scorecard</c> month, the month's <c>Submissions</c>, an indicator's or a submitter's
/// <c>Observations</c>; the plan comes from the catalog that <c>PlanTargets</c> is published from. It only reads, so
/// serving the dashboard adds nothing to the processing path. Province roll-ups are read as stored, never re-evaluated.
/// </summary>
public sealed class DashboardQuery
{
    private readonly ITableStore _tables;
    private readonly TableNames _names;

    /// <summary>Creates the query.</summary>
    /// <param name="tables">The table store.</param>
    /// <param name="names">The table names.</param>
    public DashboardQuery(ITableStore tables, IOptions<TableNames> names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _tables = tables;
        _names = names.Value;
    }

    /// <summary>The latest month any scope has results for (the largest Period in <c>ScorecardLatest</c>), or null when there are none.</summary>
    public async Task<YearMonth?> LatestPeriodAsync(CancellationToken cancellationToken = default)
    {
        YearMonth? latest = null;
        await foreach (var row in _tables.QueryAsync(_names.ScorecardLatest, new TableQuery { Select = ["Period"] }, cancellationToken).ConfigureAwait(false))
        {
            if (YearMonth.TryParse(row.GetString("Period"), out var period) && (latest is null || period > latest))
            {
                latest = period;
            }
        }

        return latest;
    }

    /// <summary>The overview's data: the month's Scorecard partition and the month's submissions of every submitter.</summary>
    /// <param name="period">The month.</param>
    /// <param name="latest">The latest month, for the links between months; null for a page that stands alone.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<DashboardOverview> OverviewAsync(YearMonth period, YearMonth? latest, CancellationToken cancellationToken = default)
    {
        var entries = EntriesAsync(TableQuery.Partition(period.ToString()), cancellationToken);
        var month = period.ToString();
        var submissions = SubmissionsAsync(
            new TableQuery { Filter = TableFilter.Create($"RowKey ge {month + "|"} and RowKey lt {month + "}"}") }, cancellationToken);
        return new DashboardOverview(period, latest, await entries.ConfigureAwait(false), await submissions.ConfigureAwait(false));
    }

    /// <summary>
    /// An indicator's page data: its rows of the month's Scorecard partition, each submitter's accepted values up to the
    /// month (a key range per Observations partition) and, for a roll-up indicator, the province's sums as stored.
    /// </summary>
    public async Task<DashboardIndicator> IndicatorAsync(PlanIndicator indicator, YearMonth period, YearMonth? latest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var entries = EntriesAsync(TableQuery.Partition(period.ToString()), cancellationToken);
        var series = Submitters.All
            .Select(s => ObservationsAsync(s.Code, indicator.Code + "|", indicator.Code + "|" + period, cancellationToken))
            .ToList();
        Task<List<ScorecardEntry>>? rollups = null;
        if (indicator.Aggregation == IndicatorAggregation.Sum)
        {
            var key = Submitters.Province + "|" + indicator.Code;
            rollups = EntriesAsync(new TableQuery
            {
                Filter = TableFilter.Create($"PartitionKey le {period.ToString()} and RowKey eq {key}"),
                Select = ["Actual", "Status"],
            }, cancellationToken);
        }

        var actuals = new Dictionary<string, IReadOnlyList<MonthlyValue>>(StringComparer.Ordinal);
        for (var i = 0; i < Submitters.All.Count; i++)
        {
            var values = await series[i].ConfigureAwait(false);
            if (values.Count > 0)
            {
                actuals[Submitters.All[i].Code] = values.Select(v => v.Value).ToList();
            }
        }

        if (rollups is not null && Sums(await rollups.ConfigureAwait(false)) is { Count: > 0 } sums)
        {
            actuals[Submitters.Province] = sums;
        }

        var month = await entries.ConfigureAwait(false);
        return new DashboardIndicator(period, latest, indicator, month.Where(e => e.Indicator == indicator.Code).ToList(), actuals);
    }

    /// <summary>
    /// A submitter's page data: its rows of the month's Scorecard partition (a key range), its actuals of the last
    /// months (its Observations partition; for the province its Scorecard rows, roll-ups included) and its submissions.
    /// </summary>
    public async Task<DashboardScope> ScopeAsync(Submitter submitter, YearMonth period, YearMonth? latest, int months, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submitter);
        var prefix = submitter.Code + "|";
        var end = submitter.Code + "}";
        var entries = EntriesAsync(new TableQuery
        {
            Filter = TableFilter.Create($"PartitionKey eq {period.ToString()} and RowKey ge {prefix} and RowKey lt {end}"),
        }, cancellationToken);
        var submissions = SubmissionsAsync(TableQuery.Partition(submitter.Code), cancellationToken);
        var first = period.AddMonths(1 - months);
        Dictionary<string, IReadOnlyList<MonthlyValue>> actuals;
        if (submitter.Code == Submitters.Province)
        {
            var rows = await EntriesAsync(new TableQuery
            {
                Filter = TableFilter.Create($"PartitionKey ge {first.ToString()} and PartitionKey le {period.ToString()} and RowKey ge {prefix} and RowKey lt {end}"),
                Select = ["Actual", "Status"],
            }, cancellationToken).ConfigureAwait(false);
            actuals = rows.GroupBy(e => e.Indicator).ToDictionary(g => g.Key, g => (IReadOnlyList<MonthlyValue>)Sums(g.ToList()), StringComparer.Ordinal);
        }
        else
        {
            var values = await ObservationsAsync(submitter.Code, string.Empty, null, cancellationToken).ConfigureAwait(false);
            actuals = values.Where(v => v.Value.Month >= first && v.Value.Month <= period)
                .GroupBy(v => v.Indicator)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<MonthlyValue>)g.Select(v => v.Value).OrderBy(v => v.Month).ToList(), StringComparer.Ordinal);
        }

        var history = (await submissions.ConfigureAwait(false)).Where(s => s.Period <= period).ToList();
        return new DashboardScope(period, latest, submitter, await entries.ConfigureAwait(false), actuals, history);
    }

    private static List<MonthlyValue> Sums(List<ScorecardEntry> entries) =>
        entries.Where(e => e.Actual is not null).OrderBy(e => e.Period).Select(e => new MonthlyValue(e.Period, e.Actual!.Value)).ToList();

    private async Task<List<ScorecardEntry>> EntriesAsync(TableQuery query, CancellationToken cancellationToken)
    {
        var entries = new List<ScorecardEntry>();
        await foreach (var row in _tables.QueryAsync(_names.Scorecard, query, cancellationToken).ConfigureAwait(false))
        {
            if (AlertRows.EntryOf(row) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>A submitter's accepted values whose RowKey (<c>{indicator}|{yyyy-MM}</c>) is from <paramref name="from"/> up to <paramref name="upTo"/>.</summary>
    private async Task<List<(string Indicator, MonthlyValue Value)>> ObservationsAsync(string submitter, string from, string? upTo, CancellationToken cancellationToken)
    {
        var query = upTo is null
            ? TableQuery.Partition(submitter) with { Select = ["Value"] }
            : new TableQuery
            {
                Filter = TableFilter.Create($"PartitionKey eq {submitter} and RowKey ge {from} and RowKey le {upTo}"),
                Select = ["Value"],
            };
        var values = new List<(string, MonthlyValue)>();
        await foreach (var row in _tables.QueryAsync(_names.Observations, query, cancellationToken).ConfigureAwait(false))
        {
            var separator = row.RowKey.LastIndexOf('|');
            if (separator > 0 && YearMonth.TryParse(row.RowKey[(separator + 1)..], out var month) && row.GetDouble("Value") is { } value)
            {
                values.Add((row.RowKey[..separator], new MonthlyValue(month, value)));
            }
        }

        return values;
    }

    private async Task<List<SubmissionRecord>> SubmissionsAsync(TableQuery query, CancellationToken cancellationToken)
    {
        var records = new List<SubmissionRecord>();
        await foreach (var row in _tables.QueryAsync(_names.Submissions, query with { Select = _submissionColumns }, cancellationToken).ConfigureAwait(false))
        {
            var separator = row.RowKey.IndexOf('|', StringComparison.Ordinal);
            if (separator > 0 && YearMonth.TryParse(row.RowKey[..separator], out var period))
            {
                records.Add(new SubmissionRecord(row.PartitionKey, period, row.GetString("Status") ?? string.Empty, row.GetString("BlobName") ?? string.Empty,
                    row.GetDateTimeOffset("ReceivedAt"), row.GetBoolean("Late") == true, row.GetInt32("ErrorCount") ?? 0, row.GetInt32("WarningCount") ?? 0));
            }
        }

        return records;
    }

    private static readonly string[] _submissionColumns = ["Status", "BlobName", "ReceivedAt", "Late", "ErrorCount", "WarningCount"];
}
