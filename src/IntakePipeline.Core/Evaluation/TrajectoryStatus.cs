namespace IntakePipeline.Core.Evaluation;

/// <summary>
/// How an indicator stands against its plan trajectory in one month (docs/evaluation.md). Among the statuses that
/// need attention the precedence is <see cref="Breach"/> &gt; <see cref="SeriouslyBehind"/> &gt; <see cref="Behind"/>
/// &gt; <see cref="AtRisk"/> &gt; <see cref="OnTrack"/>. <see cref="InsufficientData"/> is decided before anything else
/// (there is nothing to judge), and <see cref="TargetMet"/> is decided before the lag bands and the projection (a reached
/// target cannot be behind); neither can occur together with <see cref="Breach"/>, which only floors and ceilings give.
/// </summary>
public enum TrajectoryStatus
{
    /// <summary>The lag is within the on-track band and the projection does not miss the target.</summary>
    OnTrack,

    /// <summary>The lag is above the on-track band and within the behind band.</summary>
    Behind,

    /// <summary>The lag is above the behind band.</summary>
    SeriouslyBehind,

    /// <summary>On track now, but the trend of the recent months projects a miss of the next target.</summary>
    AtRisk,

    /// <summary>The actual has reached the next (or last) target in the indicator's direction; a 左右 target within the on-track band.</summary>
    TargetMet,

    /// <summary>A floor or ceiling indicator is on the wrong side of the value in force.</summary>
    Breach,

    /// <summary>There is no actual for the month, or no plan point to compare it with.</summary>
    InsufficientData,
}
