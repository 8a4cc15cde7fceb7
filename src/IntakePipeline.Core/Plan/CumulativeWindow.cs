namespace IntakePipeline.Core.Plan;

/// <summary>The months a cumulative indicator counts over, both ends included (e.g. 2021-01…2025-12 for "[x]").</summary>
/// <param name="Start">The first month counted.</param>
/// <param name="End">The last month counted.</param>
public sealed record CumulativeWindow(YearMonth Start, YearMonth End);
