namespace IntakePipeline.Pipeline.Internals;

/// <summary>Whole milliseconds for log lines.</summary>
internal static class TimeSpanExtensions
{
    public static long WholeMilliseconds(this TimeSpan elapsed) => (long)elapsed.TotalMilliseconds;
}
