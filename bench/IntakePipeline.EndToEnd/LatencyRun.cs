namespace IntakePipeline.EndToEnd;

/// <summary>One latency phase: how uploads reached the queue, the upload → Scorecard times, and the idle CPU after it.</summary>
/// <param name="Path">How each upload's event reached the queue.</param>
/// <param name="Latencies">The latencies in milliseconds.</param>
/// <param name="IdleCpu">Cores busy (this process and Azurite) while the host was idle after the phase.</param>
internal sealed record LatencyRun(string Path, List<double> Latencies, double IdleCpu);
