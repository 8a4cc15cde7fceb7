namespace IntakePipeline.EndToEnd;

/// <summary>One latency phase: the poll interval the host ran with, the upload → Scorecard times, and the idle CPU.</summary>
/// <param name="PollInterval">The watcher's poll interval during the phase.</param>
/// <param name="Latencies">The latencies in milliseconds.</param>
/// <param name="IdleCpu">Cores busy (this process and Azurite) while the host was idle.</param>
internal sealed record LatencyRun(TimeSpan PollInterval, List<double> Latencies, double IdleCpu);
