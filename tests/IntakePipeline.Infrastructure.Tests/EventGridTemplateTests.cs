using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline;

namespace IntakePipeline.Infrastructure.Tests;

public class EventGridTemplateTests
{
    [Fact]
    public async Task SystemTopic_OnTheStorageAccount_HasItsOwnIdentity()
    {
        var deployment = await Deployment.EvaluateAsync();
        var topic = deployment.Single("Microsoft.EventGrid/systemTopics");
        var account = deployment.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Properties["topicType"]!.GetValue<string>());
        Assert.EndsWith("/providers/Microsoft.Storage/storageAccounts/" + account.Name, topic.Properties["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("SystemAssigned", topic.Body["identity"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscription_Filter_BlobCreatedInIntakeContainersByCompletingApis()
    {
        var filter = (await Deployment.EvaluateAsync()).Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties["filter"]!;

        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter["includedEventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("/blobServices/default/containers/" + SubmissionBlobName.IntakeContainerPrefix, filter["subjectBeginsWith"]!.GetValue<string>());
        var advanced = Assert.Single(filter["advancedFilters"]!.AsArray())!;
        Assert.Equal("StringIn", advanced["operatorType"]!.GetValue<string>());
        Assert.Equal("data.api", advanced["key"]!.GetValue<string>());
        Assert.Equal(
            ["CopyBlob", "FlushWithClose", "PutBlob", "PutBlockList"],
            advanced["values"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Subscription_Destination_IsTheEventsQueueThroughTheTopicsIdentity()
    {
        var deployment = await Deployment.EvaluateAsync();
        var properties = deployment.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties;
        var account = deployment.Single("Microsoft.Storage/storageAccounts");

        Assert.Null(properties["destination"]);
        var delivery = properties["deliveryWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", delivery["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("StorageQueue", delivery["destination"]!["endpointType"]!.GetValue<string>());
        var destination = delivery["destination"]!["properties"]!;
        Assert.EndsWith("/storageAccounts/" + account.Name, destination["resourceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(QueuesOptions.DefaultEvents, destination["queueName"]!.GetValue<string>());
        Assert.Equal("EventGridSchema", properties["eventDeliverySchema"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscription_RetriesAndDeadLettersThroughTheTopicsIdentity()
    {
        var properties = (await Deployment.EvaluateAsync()).Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties;

        Assert.True(properties["retryPolicy"]!["maxDeliveryAttempts"]!.GetValue<int>() > 1);
        Assert.True(properties["retryPolicy"]!["eventTimeToLiveInMinutes"]!.GetValue<int>() >= 60);
        Assert.Null(properties["deadLetterDestination"]);
        var deadLetter = properties["deadLetterWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", deadLetter["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("StorageBlob", deadLetter["deadLetterDestination"]!["endpointType"]!.GetValue<string>());
    }

    [Fact]
    public async Task TopicIdentity_SendsToTheEventsQueueAndWritesDeadLetters_AndNothingElse()
    {
        var deployment = await Deployment.EvaluateAsync();
        var topic = deployment.Single("Microsoft.EventGrid/systemTopics");
        var account = deployment.Single("Microsoft.Storage/storageAccounts").Name;
        var topicRoles = RoleAssignment.All(deployment).Where(r => r.Principal.Contains("systemTopics/" + topic.Name + ")", StringComparison.Ordinal));

        Assert.Equal(
            [
                new RoleAssignment(BuiltInRoles.StorageQueueDataMessageSender, $"§reference({TopicId(topic)}).identity.principalId", "ServicePrincipal", $"Microsoft.Storage/storageAccounts/{account}/queueServices/default/queues/{QueuesOptions.DefaultEvents}"),
                new RoleAssignment(BuiltInRoles.StorageBlobDataContributor, $"§reference({TopicId(topic)}).identity.principalId", "ServicePrincipal", $"Microsoft.Storage/storageAccounts/{account}/blobServices/default/containers/{StorageTemplateTests.DeadLetterContainer(deployment)}"),
            ],
            topicRoles);
    }

    [Fact]
    public async Task Subscription_DependsOnTheTopicsRoles()
    {
        var deployment = await Deployment.EvaluateAsync();
        var dependsOn = deployment.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Body["dependsOn"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();

        Assert.Equal(2, dependsOn.Count(d => d.Contains("Microsoft.Authorization/roleAssignments", StringComparison.Ordinal)));
    }

    private static string TopicId(Arm.ArmResource topic) => $"{Arm.ArmFunctions.ResourceGroupId}/providers/Microsoft.EventGrid/systemTopics/{topic.Name}";
}
