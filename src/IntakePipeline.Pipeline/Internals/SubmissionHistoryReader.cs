using IntakePipeline.Core;
using IntakePipeline.Core.Validation;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>
/// Reads a submitter's accepted values before a period from the <see cref="SubmissionValues"/> of its
/// <c>Submissions</c> rows, so that the cost of a file does not grow with the years already loaded: the period's own
/// rows and the accepted rows of the <see cref="SubmissionValidator.OutlierWindowMonths"/> months before it come in one
/// range query of at most that many rows plus the period's; only an indicator with fewer values there than the
/// evaluation needs (an annual indicator's projection, a gap in reporting) makes it read further back.
/// </summary>
internal sealed class SubmissionHistoryReader(ITableStore tables, string table, int neededValues)
{
    private static readonly string[] _columns = ["Status", "BlobName", "ContentSha256", "ReceivedAt", SubmissionValues.Column];

    /// <summary>The period's rows (every status) and the accepted values of the window before it.</summary>
    public async Task<SubmissionWindow> ReadAsync(string submitter, YearMonth period, CancellationToken cancellationToken)
    {
        var start = Max(SubmissionValidator.FirstPeriod, period.AddMonths(-SubmissionValidator.OutlierWindowMonths));
        var periodPrefix = period + "|";
        var query = new TableQuery
        {
            Filter = TableFilter.Create(
                $"PartitionKey eq {submitter} and RowKey ge {start + "|"} and RowKey lt {periodPrefix + "~"} and (Status eq {SubmissionStatus.Accepted} or RowKey ge {periodPrefix})"),
            Select = _columns,
        };
        var window = new SubmissionWindow(period, start);
        await foreach (var row in tables.QueryAsync(table, query, cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith(periodPrefix, StringComparison.Ordinal))
            {
                window.PeriodRows.Add(row);
            }
            else
            {
                window.Add(row);
            }
        }

        return window;
    }

    /// <summary>
    /// Reads further back, a window's length at a time down to <see cref="SubmissionValidator.FirstPeriod"/>, while an
    /// indicator of <paramref name="observations"/> has fewer than the needed values before the period: the projection
    /// uses the latest few values however old, and the cumulative check the latest one.
    /// </summary>
    /// <returns>Whether older values were found, so that the history changed.</returns>
    public async Task<bool> ExtendAsync(SubmissionWindow window, string submitter, IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        var found = false;
        while (window.Start > SubmissionValidator.FirstPeriod && NeedsMore(window, observations))
        {
            var end = window.Start;
            window.Start = Max(SubmissionValidator.FirstPeriod, end.AddMonths(-SubmissionValidator.OutlierWindowMonths));
            var query = new TableQuery
            {
                Filter = TableFilter.Create(
                    $"PartitionKey eq {submitter} and RowKey ge {window.Start + "|"} and RowKey lt {end + "|"} and Status eq {SubmissionStatus.Accepted}"),
                Select = [SubmissionValues.Column],
            };
            await foreach (var row in tables.QueryAsync(table, query, cancellationToken).ConfigureAwait(false))
            {
                found |= window.Add(row);
            }
        }

        return found;
    }

    private bool NeedsMore(SubmissionWindow window, IReadOnlyList<Observation> observations)
    {
        foreach (var observation in observations)
        {
            if (window.CountOf(observation.Indicator) < neededValues)
            {
                return true;
            }
        }

        return false;
    }

    private static YearMonth Max(YearMonth a, YearMonth b) => a > b ? a : b;
}
