namespace IntakePipeline.Core.Plan;

/// <summary>The tolerances of <see cref="PlanConsistencyCheck"/>.</summary>
public sealed record PlanConsistencyOptions
{
    /// <summary>The default rounding margin: 0.005, half a unit in the second decimal, the finest the plans print.</summary>
    public const double DefaultRoundingMargin = 0.005;

    /// <summary>The default widening for a 左右 figure: 0.1% of it (650左右 admits 649.35…650.65).</summary>
    public const double DefaultAboutFraction = 0.001;

    /// <summary>The options with every default.</summary>
    public static PlanConsistencyOptions Default { get; } = new();

    /// <summary>The absolute difference that counts as rounding; defaults to <see cref="DefaultRoundingMargin"/>.</summary>
    public double RoundingMargin { get; init; } = DefaultRoundingMargin;

    /// <summary>
    /// The fraction of a 左右 figure that is tolerated when it is the whole being compared (the larger of this and the
    /// rounding margin applies); defaults to <see cref="DefaultAboutFraction"/>.
    /// </summary>
    public double AboutFraction { get; init; } = DefaultAboutFraction;
}
