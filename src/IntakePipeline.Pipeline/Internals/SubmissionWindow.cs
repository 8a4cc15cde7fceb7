using IntakePipeline.Core;
using IntakePipeline.Core.Validation;
using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>What <see cref="SubmissionHistoryReader"/> read for one period.</summary>
internal sealed class SubmissionWindow(YearMonth period, YearMonth start)
{
    private readonly List<(YearMonth Month, Observation Observation)> _earlier = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The period's Submissions rows, of every status.</summary>
    public List<TableRow> PeriodRows { get; } = [];

    /// <summary>The earliest month read.</summary>
    public YearMonth Start { get; set; } = start;

    /// <summary>The accepted values before the period read so far.</summary>
    public SubmissionHistory History => SubmissionHistory.FromObservations(_earlier);

    /// <summary>How many values of <paramref name="indicator"/> were read.</summary>
    public int CountOf(string indicator) => _counts.GetValueOrDefault(indicator);

    /// <summary>Adds an accepted row of a month before the period; returns whether it had values.</summary>
    public bool Add(TableRow row)
    {
        if (row.RowKey.Length < 8 || !YearMonth.TryParse(row.RowKey.AsSpan(0, 7), null, out var month) || month >= period)
        {
            return false;
        }

        var values = SubmissionValues.Of(row);
        foreach (var (indicator, value) in values)
        {
            _earlier.Add((month, new Observation(indicator, value, string.Empty)));
            _counts[indicator] = CountOf(indicator) + 1;
        }

        return values.Count > 0;
    }
}
