namespace IntakePipeline.Core.Evaluation;

/// <summary>
/// The thresholds of validation and evaluation, bound to the configuration section <c>Thresholds</c>
/// (docs/evaluation.md). Every default has a name.
/// </summary>
public sealed class ThresholdsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Thresholds";

    /// <summary>The default on-track band: a lag of at most 5% of the plan's span.</summary>
    public const double DefaultOnTrack = 0.05;

    /// <summary>The default behind band: a lag of at most 15% of the plan's span; above it is seriously behind.</summary>
    public const double DefaultBehind = 0.15;

    /// <summary>The default robust z-score at or above which a month-over-month change is an outlier.</summary>
    public const double DefaultOutlierZ = 3.5;

    /// <summary>The default factor over the largest target above which a value is suspected of a unit slip.</summary>
    public const double DefaultUnitSuspectFactor = 100;

    /// <summary>The default number of recent monthly actuals the projection fits a line through.</summary>
    public const int DefaultProjectionPoints = 6;

    /// <summary>The default minimum number of actuals for a projection.</summary>
    public const int DefaultMinProjectionPoints = 3;

    /// <summary>The largest lag (fraction of the span) that is on track. Default <see cref="DefaultOnTrack"/>.</summary>
    public double OnTrack { get; set; } = DefaultOnTrack;

    /// <summary>The largest lag that is behind rather than seriously behind. Default <see cref="DefaultBehind"/>.</summary>
    public double Behind { get; set; } = DefaultBehind;

    /// <summary>The |robust z| at or above which a change is an <c>outlier</c> warning. Default <see cref="DefaultOutlierZ"/>.</summary>
    public double OutlierZ { get; set; } = DefaultOutlierZ;

    /// <summary>A value above this many times the largest target in force is a <c>unit-suspect</c> warning. Default <see cref="DefaultUnitSuspectFactor"/>.</summary>
    public double UnitSuspectFactor { get; set; } = DefaultUnitSuspectFactor;

    /// <summary>How many of the latest monthly actuals the projection uses. Default <see cref="DefaultProjectionPoints"/>.</summary>
    public int ProjectionPoints { get; set; } = DefaultProjectionPoints;

    /// <summary>The fewest actuals a projection needs; with fewer there is none. Default <see cref="DefaultMinProjectionPoints"/>.</summary>
    public int MinProjectionPoints { get; set; } = DefaultMinProjectionPoints;

    /// <summary>Per-indicator band overrides, keyed by indicator code. Empty by default.</summary>
    public Dictionary<string, IndicatorThresholds> Indicators { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The bands for <paramref name="indicator"/>: its overrides where set, else the global bands.</summary>
    public TrajectoryBands BandsFor(string indicator)
    {
        if (Indicators.TryGetValue(indicator, out var own))
        {
            return new TrajectoryBands(own.OnTrack ?? OnTrack, own.Behind ?? Behind);
        }

        return new TrajectoryBands(OnTrack, Behind);
    }
}
