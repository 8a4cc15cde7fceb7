using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.EndToEnd;

/// <summary>
/// A logger provider that watches the host's own log events instead of polling storage (which would load Azurite while
/// it is being measured): when the watcher has seeded (5020), how many events ProcessSubmission has handled (5055) and the
/// entity counts the handler reports (3001 accepted, 3002 rejected). Warnings and errors go to standard error.
/// </summary>
internal sealed class HostEvents : ILoggerProvider, ILogger
{
    private const int WatcherSeeded = 5020;
    private const int BlobProcessed = 5055;
    private const int Accepted = 3001;
    private const int Rejected = 3002;
    private readonly Lock _gate = new();
    private TaskCompletionSource<long> _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<long>? _processedTarget;
    private int _processedGoal;
    private int _processed;
    private long _handlerEntities;
    private int _accepted;
    private int _rejected;

    public Task<long> Seeded => _seeded.Task;

    public int Processed => Volatile.Read(ref _processed);

    public long HandlerEntities => Interlocked.Read(ref _handlerEntities);

    public int AcceptedCount => Volatile.Read(ref _accepted);

    public int RejectedCount => Volatile.Read(ref _rejected);

    /// <summary>Starts counting afresh for a new host.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _seeded = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _processedTarget = null;
            _processed = 0;
            _handlerEntities = 0;
            _accepted = 0;
            _rejected = 0;
        }
    }

    /// <summary>Completes with the timestamp at which <paramref name="count"/> versions had been processed.</summary>
    public Task<long> WhenProcessedAsync(int count)
    {
        lock (_gate)
        {
            _processedGoal = count;
            _processedTarget = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_processed >= count)
            {
                _processedTarget.TrySetResult(Stopwatch.GetTimestamp());
            }

            return _processedTarget.Task;
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        switch (eventId.Id)
        {
            case WatcherSeeded:
                _seeded.TrySetResult(Stopwatch.GetTimestamp());
                break;
            case BlobProcessed:
                lock (_gate)
                {
                    _processed++;
                    if (_processedTarget is not null && _processed >= _processedGoal)
                    {
                        _processedTarget.TrySetResult(Stopwatch.GetTimestamp());
                    }
                }

                break;
            case Accepted or Rejected:
                Interlocked.Increment(ref eventId.Id == Accepted ? ref _accepted : ref _rejected);
                if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
                {
                    foreach (var (name, value) in values)
                    {
                        if (name == "EntityCount" && value is int count)
                        {
                            Interlocked.Add(ref _handlerEntities, count);
                        }
                    }
                }

                break;
        }

        if (logLevel >= LogLevel.Warning && eventId.Id != Rejected)
        {
            Console.Error.WriteLine($"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.Message)}");
        }
    }

    public void Dispose()
    {
    }
}
