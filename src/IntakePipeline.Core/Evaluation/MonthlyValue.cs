namespace IntakePipeline.Core.Evaluation;

/// <summary>One accepted value of an indicator for a submitter or scope, at the end of a month.</summary>
/// <param name="Month">The month the value is reported for.</param>
/// <param name="Value">The value in the indicator's canonical unit.</param>
public readonly record struct MonthlyValue(YearMonth Month, double Value);
