namespace IntakePipeline.Core.Plan;

/// <summary>How prefecture values combine into the province's value.</summary>
public enum IndicatorAggregation
{
    /// <summary>The province's value is the sum of the 9 prefectures' values; prefectures report it.</summary>
    Sum,

    /// <summary>Not aggregated: only the provincial statistics office (520000) reports it.</summary>
    None,

    /// <summary>A ratio or rate: prefectures report it, but the province's value is not a plain sum, so 520000 reports it.</summary>
    Weighted,
}
