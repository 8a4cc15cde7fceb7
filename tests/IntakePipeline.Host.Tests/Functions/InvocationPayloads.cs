using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntakePipeline.Host.Tests.Functions;

/// <summary>
/// The payloads the Functions host posts to a custom handler, shaped as documented: <c>{"Data":{binding:…},"Metadata":{…}}</c>
/// around an Event Grid <c>Microsoft.Storage.BlobCreated</c> event (Event Grid or CloudEvents schema) or a timer.
/// </summary>
internal static class InvocationPayloads
{
    public const string Account = "gzintake";

    /// <summary>The blob URL as Azure Storage in Azure China reports it: the name percent-encoded.</summary>
    public static string BlobUrl(string container, string name) =>
        $"https://{Account}.blob.core.chinacloudapi.cn/{container}/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>A BlobCreated event in the Event Grid schema, as the storage account's system topic sends it.</summary>
    public static JsonObject EventGridBlobCreated(string container, string name, string eTag, string eventType = "Microsoft.Storage.BlobCreated") => new()
    {
        ["topic"] = $"/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/intake/providers/Microsoft.Storage/storageAccounts/{Account}",
        ["subject"] = $"/blobServices/default/containers/{container}/blobs/{name}",
        ["eventType"] = eventType,
        ["id"] = "831e1650-001e-001b-66ab-eeb76e069631",
        ["data"] = new JsonObject
        {
            ["api"] = "PutBlob",
            ["clientRequestId"] = "6d79dbfb-0e37-4fc4-981f-442c9ca65760",
            ["requestId"] = "831e1650-001e-001b-66ab-eeb76e000000",
            ["eTag"] = eTag,
            ["contentType"] = "text/csv",
            ["contentLength"] = 2048,
            ["blobType"] = "BlockBlob",
            ["url"] = BlobUrl(container, name),
            ["sequencer"] = "00000000000004420000000000028963",
            ["storageDiagnostics"] = new JsonObject { ["batchId"] = "b68529f3-68cd-4744-baa4-3c0498ec19f0" },
        },
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
        ["eventTime"] = "2024-07-03T02:15:31.1234567Z",
    };

    /// <summary>The same event in the CloudEvents 1.0 schema.</summary>
    public static JsonObject CloudEventBlobCreated(string container, string name, string eTag)
    {
        var eventGrid = EventGridBlobCreated(container, name, eTag);
        return new JsonObject
        {
            ["specversion"] = "1.0",
            ["type"] = "Microsoft.Storage.BlobCreated",
            ["source"] = eventGrid["topic"]!.DeepClone(),
            ["id"] = "9aeb0fdf-c01e-0131-0922-9eb54906e209",
            ["time"] = "2024-07-03T02:15:31.1234567Z",
            ["subject"] = eventGrid["subject"]!.DeepClone(),
            ["dataschema"] = "#",
            ["data"] = eventGrid["data"]!.DeepClone(),
        };
    }

    /// <summary>The invocation around a binding value; <paramref name="asString"/> sends it as JSON text, as the host does for some triggers.</summary>
    public static string Invocation(string functionName, string bindingName, JsonNode binding, bool asString = false) => new JsonObject
    {
        ["Data"] = new JsonObject { [bindingName] = asString ? JsonValue.Create(binding.ToJsonString()) : binding },
        ["Metadata"] = new JsonObject
        {
            ["sys"] = new JsonObject
            {
                ["MethodName"] = functionName,
                ["UtcNow"] = "2024-07-03T02:15:32.5Z",
                ["RandGuid"] = "3f3a2a5e-1d5b-4b8e-9c57-0c7f2f8ab7c1",
            },
        },
    }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>A timer binding value as the host sends it.</summary>
    public static JsonObject Timer(bool isPastDue) => new()
    {
        ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
        ["ScheduleStatus"] = new JsonObject
        {
            ["Last"] = "2024-07-02T16:00:00+00:00",
            ["Next"] = "2024-07-03T16:00:00+00:00",
            ["LastUpdated"] = "2024-07-02T16:00:00.0123456+00:00",
        },
        ["IsPastDue"] = isPastDue,
    };
}
