namespace IntakePipeline.Core.Validation.Internals;

/// <summary>
/// The modified z-score of Iglewicz and Hoaglin: 0.6745·(x − median)/MAD. When more than half the history is one value
/// (MAD = 0) it falls back on the mean absolute deviation, (x − median)/(1.253314·meanAD), as IBM SPSS does.
/// </summary>
internal static class RobustZScore
{
    private const double MadScale = 0.6745;
    private const double MeanAbsoluteDeviationScale = 1.253314;
    private const double Tolerance = 1e-9;

    /// <summary>The z-score of <paramref name="x"/>; ±∞ when the history has no spread at all and x differs from it.</summary>
    /// <param name="history">The history; it is reordered in place.</param>
    /// <param name="x">The new value.</param>
    /// <param name="median">The history's median.</param>
    public static double Compute(Span<double> history, double x, out double median)
    {
        history.Sort();
        median = Median(history);
        var deviations = history.Length <= 256 ? stackalloc double[history.Length] : new double[history.Length];
        var sum = 0.0;
        for (var i = 0; i < history.Length; i++)
        {
            deviations[i] = Math.Abs(history[i] - median);
            sum += deviations[i];
        }

        var tolerance = Tolerance * Math.Max(1, Math.Abs(median));
        deviations.Sort();
        var mad = Median(deviations);
        if (mad > tolerance)
        {
            return MadScale * (x - median) / mad;
        }

        var meanDeviation = sum / history.Length;
        if (meanDeviation > tolerance)
        {
            return (x - median) / (MeanAbsoluteDeviationScale * meanDeviation);
        }

        var difference = x - median;
        return Math.Abs(difference) > tolerance ? Math.CopySign(double.PositiveInfinity, difference) : 0;
    }

    private static double Median(ReadOnlySpan<double> sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
