using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Evaluation;

/// <summary>One point of an indicator's trajectory in a scope.</summary>
/// <param name="Date">The month the value is due.</param>
/// <param name="Value">The value, in the indicator's unit.</param>
/// <param name="Target">The plan point it comes from; null for a cumulative indicator's implicit 0 before its window.</param>
public readonly record struct TrajectoryPoint(YearMonth Date, double Value, PlanTarget? Target);
