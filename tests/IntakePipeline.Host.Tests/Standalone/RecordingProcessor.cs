using System.Collections.Concurrent;
using IntakePipeline.Host.Standalone;
using IntakePipeline.Pipeline;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary>A stand-in for the pipeline's handler: records every call, and fails, or waits, for the blobs a test chooses.</summary>
internal sealed class RecordingProcessor : IBlobProcessor
{
    public ConcurrentQueue<BlobVersion> Calls { get; } = new();

    /// <summary>Blobs whose name contains this text fail every attempt.</summary>
    public string? FailWhenNameContains { get; init; }

    /// <summary>How long each call takes; it honours cancellation.</summary>
    public TimeSpan Delay { get; init; }

    public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int CallsFor(string name) => Calls.Count(c => c.Name == name);

    public async Task<BlobProcessingResult> ProcessAsync(BlobVersion blob, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(blob);
        FirstCallStarted.TrySetResult();
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (FailWhenNameContains is { } text && blob.Name.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Simulated failure for {blob.Name}.");
        }

        return new BlobProcessingResult("Accepted", "20240601T000000Z-abcdefabcdef", "0123456789abcdef", 3, 0, 1);
    }
}
