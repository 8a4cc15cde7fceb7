using System.Text.Json;
using IntakePipeline.Functions.Functions;
using IntakePipeline.Pipeline;
using IntakePipeline.Testing;

namespace IntakePipeline.Functions.Tests;

/// <summary>What the Functions host reads: the generated <c>functions.metadata</c> and the shared <c>host.json</c>.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly string _output = Path.GetDirectoryName(typeof(ProcessSubmissionFunction).Assembly.Location)!;

    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionWithItsTriggerAndSettingAndNothingElse()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(_output, "functions.metadata")));

        var functions = metadata.RootElement.EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => Assert.Single(f.GetProperty("bindings").EnumerateArray()));

        var events = $"%{QueuesOptions.SectionName}:{nameof(QueuesOptions.Events)}%";
        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                [ProcessSubmissionFunction.Name] = ("queueTrigger", events),
                [RecordPoisonFunction.Name] = ("queueTrigger", events + QueuesOptions.PoisonSuffix),
                [CheckDeadlinesFunction.Name] = ("timerTrigger", $"%{SchedulesOptions.SectionName}:{nameof(SchedulesOptions.CheckDeadlines)}%"),
                [SendAlertsFunction.Name] = ("timerTrigger", $"%{SchedulesOptions.SectionName}:{nameof(SchedulesOptions.SendAlerts)}%"),
            },
            functions.ToDictionary(
                f => f.Key,
                f => (f.Value.GetProperty("type").GetString()!, (f.Value.TryGetProperty("queueName", out var queue) ? queue : f.Value.GetProperty("schedule")).GetString()!)));
    }

    [Fact]
    public void HostJson_HasNoCustomHandlerOrExtensionBundle_AndTheQueueRetrySettings()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));
        var root = host.RootElement;

        Assert.False(root.TryGetProperty("customHandler", out _));
        Assert.False(root.TryGetProperty("extensionBundle", out _));
        var queues = root.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("00:00:30", queues.GetProperty("visibilityTimeout").GetString());
        Assert.Equal("00:00:02", queues.GetProperty("maxPollingInterval").GetString());
        Assert.True(queues.GetProperty("batchSize").GetInt32() > 0);
    }

    [Fact]
    public void HostJson_IsCopiedNextToTheWorker()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")), File.ReadAllText(Path.Combine(_output, "host.json")));
    }
}
