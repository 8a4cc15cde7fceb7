using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;

namespace IntakePipeline.Core.Alerts.Internals;

/// <summary>
/// A scorecard row's figures as one alert shows them side by side, formatted together so that different values never
/// print the same and a non-zero gap never prints as 0: no "实际 0.05，规划应达 0.05，差距 0" next to "落后 20.83%".
/// </summary>
/// <param name="Actual">The actual value, or a dash.</param>
/// <param name="Expected">The expected value, or a dash.</param>
/// <param name="Gap">Actual minus expected with its sign (<c>+0.00208</c>, <c>-2.35</c>), or a dash when either is missing.</param>
/// <param name="Target">The target value, or a dash.</param>
/// <param name="Projected">The projected value, or a dash.</param>
internal readonly record struct EntryFigures(string Actual, string Expected, string Gap, string Target, string Projected)
{
    /// <summary>The figures of <paramref name="entry"/>; all dashes when there is none.</summary>
    public static EntryFigures Of(ScorecardEntry? entry)
    {
        double? gap = entry is { Actual: { } actual, Expected: { } expected } ? actual - expected : null;
        var texts = DisplayNumber.Together(entry?.Actual, entry?.Expected, gap, entry?.Target, entry?.Projected);
        return new(texts[0], texts[1], DisplayNumber.WithSign(texts[2]), texts[3], texts[4]);
    }
}
