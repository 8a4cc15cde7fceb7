using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Infrastructure.Tests.Arm;
using IntakePipeline.Pipeline;

namespace IntakePipeline.Infrastructure.Tests;

public class StorageTemplateTests
{
    [Fact]
    public async Task StorageAccount_Properties_AreLockedDown()
    {
        var account = (await Deployment.EvaluateAsync()).Single("Microsoft.Storage/storageAccounts");
        var properties = account.Properties;

        Assert.Equal("StorageV2", account.Body["kind"]!.GetValue<string>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.True(properties["defaultToOAuthAuthentication"]!.GetValue<bool>());
    }

    [Fact]
    public async Task BlobService_VersioningAndSoftDelete_AreOn()
    {
        var blobService = (await Deployment.EvaluateAsync()).Single("Microsoft.Storage/storageAccounts/blobServices").Properties;

        Assert.True(blobService["isVersioningEnabled"]!.GetValue<bool>());
        Assert.True(blobService["deleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
        Assert.True(blobService["deleteRetentionPolicy"]!["days"]!.GetValue<int>() >= 7);
        Assert.True(blobService["containerDeleteRetentionPolicy"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Containers_AreTheSubmittersPlusDeploymentAndDeadLetter_AndNothingElse()
    {
        var deployment = await Deployment.EvaluateAsync();
        var containers = deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c.ShortName).ToList();

        // StorageSetup.Containers is what the code uses: intake-{code} and reports-{code} of every submitter, and its locks.
        string[] expected = [.. StorageSetup.Containers, Outputs(deployment, "DEPLOYMENT_CONTAINER"), DeadLetterContainer(deployment)];
        Assert.Equal(expected.Order(StringComparer.Ordinal), containers.Order(StringComparer.Ordinal));
        Assert.Equal(containers.Count, containers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(
            deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => Assert.Equal("None", c.Properties["publicAccess"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Containers_OnlySubmittersIntakeContainersBeginWithTheEventFilterPrefix()
    {
        var deployment = await Deployment.EvaluateAsync();
        const string prefix = SubmissionBlobName.IntakeContainerPrefix;
        var intake = deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => c.ShortName)
            .Where(c => c.StartsWith(prefix, StringComparison.Ordinal));

        Assert.Equal(Submitters.All.Select(s => SubmissionBlobName.IntakeContainer(s.Code)).Order(), intake.Order());
    }

    [Fact]
    public async Task Tables_AreTheCodesTableNames()
    {
        var tables = (await Deployment.EvaluateAsync()).OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => t.ShortName);

        Assert.Equal(new TableNames().All, tables);
    }

    [Fact]
    public async Task Queues_AreTheEventsQueueAndItsPoisonQueue()
    {
        var queues = (await Deployment.EvaluateAsync()).OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.ShortName);
        var options = new QueuesOptions();

        Assert.Equal([options.Events, options.Poison], queues);
    }

    [Fact]
    public async Task Queues_RenamedEventsQueue_PoisonQueueFollows()
    {
        var deployment = await Deployment.EvaluateAsync(overrides: new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["eventsQueueName"] = "uploads" });
        var queues = deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.ShortName);

        Assert.Equal(["uploads", new QueuesOptions { Events = "uploads" }.Poison], queues);
        Assert.Equal("uploads", deployment.AppSettings()[$"{QueuesOptions.SectionName}__{nameof(QueuesOptions.Events)}"]);
    }

    internal static string DeadLetterContainer(ArmTemplate deployment) =>
        deployment.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions")
            .Properties["deadLetterWithResourceIdentity"]!["deadLetterDestination"]!["properties"]!["blobContainerName"]!.GetValue<string>();

    private static string Outputs(ArmTemplate deployment, string name) => ArmFunctions.Text(deployment.Outputs[name]);
}
