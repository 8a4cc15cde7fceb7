namespace IntakePipeline.Core.Plan;

/// <summary>Which way is progress for an indicator.</summary>
public enum IndicatorDirection
{
    /// <summary>Higher is better.</summary>
    Up,

    /// <summary>Lower is better, e.g. U34 (accident deaths) and U38 (the urban-rural income ratio).</summary>
    Down,
}
