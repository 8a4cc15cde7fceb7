namespace IntakePipeline.Core.Alerts;

/// <summary>One month of an indicator's path, for the picture in an alert email.</summary>
/// <param name="Period">The month.</param>
/// <param name="Actual">The accepted value for the month, in the canonical unit; null when none was reported.</param>
/// <param name="Expected">The plan's expected value at the end of the month; null before the first plan point.</param>
public sealed record TrajectoryMonth(YearMonth Period, double? Actual, double? Expected);
