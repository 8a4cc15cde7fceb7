namespace IntakePipeline.Core.Evaluation;

/// <summary>
/// Lag bands that override <see cref="ThresholdsOptions"/> for one indicator (<c>Thresholds__Indicators__U14__Behind</c>).
/// A band left unset falls back to the global one.
/// </summary>
public sealed class IndicatorThresholds
{
    /// <summary>The largest lag that is still on track; null to use <see cref="ThresholdsOptions.OnTrack"/>.</summary>
    public double? OnTrack { get; set; }

    /// <summary>The largest lag that is behind rather than seriously behind; null to use <see cref="ThresholdsOptions.Behind"/>.</summary>
    public double? Behind { get; set; }
}
