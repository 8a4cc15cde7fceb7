using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using IntakePipeline.Core.Intake;

namespace IntakePipeline.Pipeline.Events;

/// <summary>
/// A storage account's <c>Microsoft.Storage.BlobCreated</c> event in the Event Grid schema: what an Event Grid
/// subscription writes into the events queue in Azure, and what <c>intake upload</c> and the watcher write locally.
/// <c>subject</c> is <c>/blobServices/default/containers/{container}/blobs/{name}</c>; <c>data.url</c> is the blob's URL,
/// percent-encoded; <c>data.eTag</c> pins the version; <c>data.api</c> says which operation created it.
/// </summary>
/// <param name="Id">The event id, for logs.</param>
/// <param name="EventType">The event type, e.g. <see cref="BlobCreatedType"/>.</param>
/// <param name="Api">The storage operation, e.g. <c>PutBlob</c>; empty when the event has none.</param>
/// <param name="Blob">The blob version the event is about, its name decoded.</param>
public sealed record BlobCreatedEvent(string Id, string EventType, string Api, BlobVersion Blob)
{
    /// <summary>The event type of a new or overwritten blob.</summary>
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    /// <summary>The <c>data.api</c> of a single-request upload, which <c>intake upload</c> uses.</summary>
    public const string PutBlobApi = "PutBlob";

    private const string SubjectPrefix = "/blobServices/default/containers/";
    private const string SubjectBlobs = "/blobs/";

    /// <summary>
    /// The operations that complete a blob's content: PutBlob, PutBlockList (AzCopy and Storage Explorer for large
    /// files), CopyBlob and FlushWithClose (Data Lake). Others, such as PutBlock, leave nothing new to read.
    /// </summary>
    public static IReadOnlySet<string> ProcessedApis { get; } =
        new HashSet<string>(["PutBlob", "PutBlockList", "CopyBlob", "FlushWithClose"], StringComparer.Ordinal);

    /// <summary>
    /// Why ProcessSubmission leaves this event alone, in a sentence for the log; <see langword="null"/> when it is to be
    /// processed: a BlobCreated event of one of the <see cref="ProcessedApis"/> in an <c>intake-*</c> container.
    /// </summary>
    public string? IgnoreReason =>
        !string.Equals(EventType, BlobCreatedType, StringComparison.OrdinalIgnoreCase) ? $"the event type is {EventType}, not {BlobCreatedType}"
        : !ProcessedApis.Contains(Api) ? $"data.api is '{Api}', not one of {string.Join(", ", ProcessedApis)}"
        : SubmissionBlobName.SubmitterOf(Blob.Container) is null ? $"the container {Blob.Container} is not an {SubmissionBlobName.IntakeContainerPrefix}* container"
        : null;

    /// <summary>Reads one Event Grid–schema event, as a queue message holds it.</summary>
    /// <param name="json">The message text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="BlobEventFormatException">The text is not an Event Grid event, or it names no blob or ETag.</exception>
    public static BlobCreatedEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        EventGridEvent gridEvent;
        try
        {
            gridEvent = EventGridEvent.Parse(BinaryData.FromString(json));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new BlobEventFormatException($"The message is not an Event Grid event: {e.Message}", e);
        }

        var subject = ParseSubject(gridEvent.Subject);
        if (!gridEvent.TryGetSystemEventData(out var data) || data is not StorageBlobCreatedEventData created)
        {
            // Another event type (a deletion, say) still names its blob; it is ignored, not processed.
            var other = subject ?? (string.Empty, string.Empty);
            return new BlobCreatedEvent(gridEvent.Id, gridEvent.EventType, string.Empty, new BlobVersion(other.Container, other.Name, string.Empty));
        }

        if (string.IsNullOrWhiteSpace(created.ETag))
        {
            throw new BlobEventFormatException($"Event {gridEvent.Id} has no data.eTag, so the blob version is unknown.");
        }

        var (container, name) = subject
            ?? throw new BlobEventFormatException($"Event {gridEvent.Id} has a subject that names no blob: '{gridEvent.Subject}'.");
        if (created.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && NameFromUrl(uri, container) is { } fromUrl)
        {
            name = fromUrl;
        }

        return new BlobCreatedEvent(gridEvent.Id, gridEvent.EventType, created.Api ?? string.Empty, new BlobVersion(container, name, created.ETag.Trim()));
    }

    /// <summary>
    /// Writes the Event Grid–schema event that Event Grid would deliver for a new blob version, so that the local path
    /// carries exactly what Azure's does.
    /// </summary>
    /// <param name="blob">The version.</param>
    /// <param name="blobUri">The blob's URL.</param>
    /// <param name="api">The operation, normally <see cref="PutBlobApi"/>.</param>
    /// <param name="contentLength">The blob's length in bytes.</param>
    /// <param name="eventTime">When the version was created.</param>
    /// <returns>The JSON text of one event.</returns>
    public static string Create(BlobVersion blob, Uri blobUri, string api, long contentLength, DateTimeOffset eventTime)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(blobUri);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", Guid.NewGuid().ToString());
            writer.WriteString("topic", "intake-local");
            writer.WriteString("subject", SubjectPrefix + blob.Container + SubjectBlobs + blob.Name);
            writer.WriteString("eventType", BlobCreatedType);
            writer.WriteString("eventTime", eventTime.UtcDateTime);
            writer.WriteStartObject("data");
            writer.WriteString("api", api);
            writer.WriteString("eTag", blob.ETag);
            writer.WriteString("contentType", "application/octet-stream");
            writer.WriteNumber("contentLength", contentLength);
            writer.WriteString("blobType", "BlockBlob");
            writer.WriteString("url", blobUri.AbsoluteUri);
            writer.WriteEndObject();
            writer.WriteString("dataVersion", string.Empty);
            writer.WriteString("metadataVersion", "1");
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static (string Container, string Name)? ParseSubject(string? subject)
    {
        if (subject is null || !subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = subject[SubjectPrefix.Length..];
        var blobs = rest.IndexOf(SubjectBlobs, StringComparison.Ordinal);
        return blobs <= 0 || blobs + SubjectBlobs.Length >= rest.Length ? null : (rest[..blobs], rest[(blobs + SubjectBlobs.Length)..]);
    }

    /// <summary>
    /// The decoded blob name that follows the container's path segment in <c>https://acct.blob.core.chinacloudapi.cn/{container}/{name}</c>
    /// or Azurite's path-style <c>http://127.0.0.1:10000/devstoreaccount1/{container}/{name}</c>.
    /// </summary>
    private static string? NameFromUrl(Uri uri, string container)
    {
        var path = uri.AbsolutePath;
        var marker = "/" + container + "/";
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 || at + marker.Length >= path.Length ? null : Uri.UnescapeDataString(path[(at + marker.Length)..]);
    }
}
