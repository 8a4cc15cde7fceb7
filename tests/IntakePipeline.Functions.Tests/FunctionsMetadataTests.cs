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

        // Each function has its trigger; the HTTP function has its response as a second binding.
        var functions = metadata.RootElement.EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings").EnumerateArray().ToList());

        var events = $"%{QueuesOptions.SectionName}:{nameof(QueuesOptions.Events)}%";
        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                [ProcessSubmissionFunction.Name] = ("queueTrigger", events),
                [RecordPoisonFunction.Name] = ("queueTrigger", events + QueuesOptions.PoisonSuffix),
                [CheckDeadlinesFunction.Name] = ("timerTrigger", $"%{SchedulesOptions.SectionName}:{nameof(SchedulesOptions.CheckDeadlines)}%"),
                [SendAlertsFunction.Name] = ("timerTrigger", $"%{SchedulesOptions.SectionName}:{nameof(SchedulesOptions.SendAlerts)}%"),
                [DashboardFunction.Name] = ("httpTrigger", DashboardFunction.Route),
            },
            functions.ToDictionary(
                f => f.Key,
                f =>
                {
                    var trigger = f.Value[0];
                    var setting = trigger.TryGetProperty("queueName", out var queue) ? queue
                        : trigger.TryGetProperty("schedule", out var schedule) ? schedule
                        : trigger.GetProperty("route");
                    return (trigger.GetProperty("type").GetString()!, setting.GetString()!);
                }));
        Assert.All(functions.Where(f => f.Key != DashboardFunction.Name), f => Assert.Single(f.Value));
        var dashboard = functions[DashboardFunction.Name];
        Assert.Equal(2, dashboard.Count);
        Assert.Equal("Anonymous", dashboard[0].GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(["get"], dashboard[0].GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
        Assert.Equal("http", dashboard[1].GetProperty("type").GetString());
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
