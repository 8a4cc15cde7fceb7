using System.Collections.Concurrent;
using IntakePipeline.Host.Tests.Cli;
using IntakePipeline.Pipeline;
using IntakePipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary>What docs/security.md claims about SAS tokens in logs: the pipeline logs none, while the user gets signed links.</summary>
[Collection(StorageCommandsCollection.Name)]
public sealed class LogRedactionTests(AzuriteServer azurite)
{
    [Fact]
    public async Task UploadThroughTheHost_EveryLogLineAtTrace_CarriesNoSasSignature()
    {
        var previous = Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        Environment.SetEnvironmentVariable("AzureWebJobsStorage", azurite.ConnectionString);
        var lines = new ConcurrentQueue<string>();
        try
        {
            await using (await InProcessHost.StartAsync(
                azurite,
                new Dictionary<string, string?> { ["Queues:Events"] = QueuesOptions.DefaultEvents },
                configure: services => services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingProvider(lines)))))
            {
                var (exitCode, output, _) = await CliRun.RunAsync("upload", CliRun.Sample("2024-06/铜仁市-2024-06.csv"), "-p", "520600", "--period", "2024-06", "--name", $"铜仁-日志-{Guid.NewGuid():N}.csv");

                Assert.Equal(1, exitCode);
                Assert.Contains("sig=", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("AzureWebJobsStorage", previous);
        }

        Assert.Contains(lines, l => l.Contains("铜仁-日志-", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("sig=", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.Contains(azurite.ConnectionString, StringComparison.Ordinal));
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue("scope: " + state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
    }
}
