namespace IntakePipeline.Core.Validation;

/// <summary>An accepted value of one indicator, converted to the indicator's canonical unit.</summary>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Unit">The indicator's canonical unit.</param>
public sealed record Observation(string Indicator, double Value, string Unit);
