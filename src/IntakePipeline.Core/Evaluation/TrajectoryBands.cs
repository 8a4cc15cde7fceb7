namespace IntakePipeline.Core.Evaluation;

/// <summary>The lag bands in effect for one indicator: OnTrack ≤ <paramref name="OnTrack"/> &lt; Behind ≤ <paramref name="Behind"/> &lt; SeriouslyBehind.</summary>
/// <param name="OnTrack">The largest lag that is on track, as a fraction of the plan's span.</param>
/// <param name="Behind">The largest lag that is behind rather than seriously behind.</param>
public readonly record struct TrajectoryBands(double OnTrack, double Behind);
