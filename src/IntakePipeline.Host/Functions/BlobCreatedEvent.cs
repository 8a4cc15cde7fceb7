using System.Text.Json;
using IntakePipeline.Pipeline;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// A Blob Storage event as the Event Grid trigger delivers it, in the Event Grid schema (<c>eventType</c>,
/// <c>eventTime</c>, <c>dataVersion</c>) or the CloudEvents 1.0 schema (<c>type</c>, <c>source</c>, <c>time</c>):
/// <c>subject</c> is <c>/blobServices/default/containers/{container}/blobs/{name}</c>, and <c>data</c> carries the
/// blob's <c>url</c> (percent-encoded, so a Chinese name arrives as <c>%E9%81%B5…</c>) and the new version's <c>eTag</c>.
/// </summary>
/// <param name="Id">The event id, for logs.</param>
/// <param name="EventType">For example <see cref="BlobCreatedType"/>.</param>
/// <param name="Blob">The blob version the event is about, its name decoded.</param>
internal sealed record BlobCreatedEvent(string? Id, string EventType, BlobVersion Blob)
{
    /// <summary>The event type of a new or overwritten blob.</summary>
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    private const string SubjectPrefix = "/blobServices/default/containers/";
    private const string SubjectBlobs = "/blobs/";

    /// <summary>Whether this is a <see cref="BlobCreatedType"/> event; other types (deletions, tier changes) are ignored.</summary>
    public bool IsBlobCreated => string.Equals(EventType, BlobCreatedType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads one event. An array holding exactly one event (the webhook form) is accepted too. The container comes
    /// from <c>subject</c> and, without one, from <c>data.url</c>; the name comes from <c>data.url</c>, percent-decoded,
    /// and, without one, from <c>subject</c>.
    /// </summary>
    /// <exception cref="InvocationPayloadException">The event lacks a type, a blob URL or subject, or an ETag.</exception>
    public static BlobCreatedEvent Parse(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            if (element.GetArrayLength() != 1)
            {
                throw new InvocationPayloadException($"事件数组应恰好包含 1 个事件，实际为 {element.GetArrayLength()} 个。");
            }

            element = element[0];
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationPayloadException($"Event Grid 事件应为 JSON 对象，实际为 {element.ValueKind}。");
        }

        var id = String(element, "id");
        var eventType = String(element, "eventType") ?? String(element, "type")
            ?? throw new InvocationPayloadException($"Event Grid 事件 {id} 缺少 eventType（CloudEvents 架构为 type）。");
        if (!InvocationRequest.TryGetProperty(element, "data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationPayloadException($"Event Grid 事件 {id}（{eventType}）缺少 data 对象。");
        }

        var subject = String(element, "subject");
        var url = String(data, "url");
        var eTag = String(data, "eTag");
        if (string.IsNullOrWhiteSpace(eTag))
        {
            throw new InvocationPayloadException($"Event Grid 事件 {id}（{eventType}）的 data 缺少 eTag，无法确定要处理的 Blob 版本。");
        }

        var fromSubject = ParseSubject(subject);
        Uri? uri = null;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            throw new InvocationPayloadException($"Event Grid 事件 {id} 的 data.url 不是绝对 URL：“{url}”。");
        }

        string container;
        string name;
        if (uri is not null)
        {
            var fromUrl = ParseUrl(uri, fromSubject?.Container)
                ?? throw new InvocationPayloadException($"无法从 data.url“{url}”中读出容器和 Blob 名称（subject：“{subject}”）。");
            (container, name) = fromUrl;
        }
        else if (fromSubject is not null)
        {
            (container, name) = fromSubject.Value;
            name = Uri.UnescapeDataString(name);
        }
        else
        {
            throw new InvocationPayloadException(
                $"Event Grid 事件 {id}（{eventType}）既没有 data.url，也没有形如 {SubjectPrefix}{{容器}}{SubjectBlobs}{{名称}} 的 subject（实际：“{subject}”）。");
        }

        return new BlobCreatedEvent(id, eventType, new BlobVersion(container, name, eTag.Trim()));
    }

    private static (string Container, string Name)? ParseSubject(string? subject)
    {
        if (subject is null)
        {
            return null;
        }

        // CloudEvents subjects have been seen without the leading slash.
        var text = subject.StartsWith('/') ? subject : "/" + subject;
        if (!text.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[SubjectPrefix.Length..];
        var blobs = rest.IndexOf(SubjectBlobs, StringComparison.Ordinal);
        return blobs <= 0 || blobs + SubjectBlobs.Length >= rest.Length
            ? null
            : (rest[..blobs], rest[(blobs + SubjectBlobs.Length)..]);
    }

    /// <summary>
    /// Splits <c>https://acct.blob.core.chinacloudapi.cn/{container}/{name}</c> or the path-style emulator form
    /// <c>http://127.0.0.1:10000/devstoreaccount1/{container}/{name}</c>. With a known container the name is what
    /// follows its segment; otherwise the first segment is the container, unless the host is an IP address or
    /// <c>localhost</c> (path-style), where it is the second.
    /// </summary>
    private static (string Container, string Name)? ParseUrl(Uri uri, string? container)
    {
        var path = uri.AbsolutePath;
        int start;
        if (container is not null)
        {
            var marker = "/" + container + "/";
            var at = path.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            start = at + marker.Length;
        }
        else
        {
            var segments = path.Split('/', 4, StringSplitOptions.None);
            var pathStyle = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback;
            var containerIndex = pathStyle ? 2 : 1;
            if (segments.Length <= containerIndex + 1 || segments[containerIndex].Length == 0)
            {
                return null;
            }

            container = segments[containerIndex];
            start = path.IndexOf('/' + container + '/', StringComparison.Ordinal) + container.Length + 2;
        }

        return start >= path.Length ? null : (container, Uri.UnescapeDataString(path[start..]));
    }

    private static string? String(JsonElement element, string name) =>
        InvocationRequest.TryGetProperty(element, name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
