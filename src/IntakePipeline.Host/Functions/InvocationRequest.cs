using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// The custom handler's request payload: <c>{"Data":{"{binding}":…},"Metadata":{…}}</c>, where <c>Data</c> has one key
/// per trigger or input binding named in <c>function.json</c>. The host sends some binding values as JSON text inside
/// a string (a queue message, for example), so <see cref="GetBinding"/> accepts both forms.
/// </summary>
internal sealed class InvocationRequest
{
    private readonly JsonElement _data;

    private InvocationRequest(JsonElement data, JsonElement? metadata)
    {
        _data = data;
        Metadata = metadata;
    }

    /// <summary>The <c>Metadata</c> object (trigger metadata and <c>sys</c>), when the host sent one.</summary>
    public JsonElement? Metadata { get; }

    /// <summary>Reads and checks the payload from the request body.</summary>
    /// <exception cref="InvocationPayloadException">The body is not a JSON object with a <c>Data</c> object.</exception>
    public static async Task<InvocationRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvocationPayloadException($"调用请求不是有效的 JSON（{e.Message}）。", e);
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    /// <summary>Checks a parsed payload; the result holds copies, so <paramref name="root"/>'s document may be disposed.</summary>
    /// <exception cref="InvocationPayloadException">The payload has no <c>Data</c> object.</exception>
    public static InvocationRequest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationPayloadException($"调用请求应为 JSON 对象 {{\"Data\":{{…}},\"Metadata\":{{…}}}}，实际为 {root.ValueKind}。");
        }

        if (!TryGetProperty(root, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationPayloadException("调用请求缺少 Data 对象（自定义处理程序的请求格式为 {\"Data\":{…},\"Metadata\":{…}}）。");
        }

        JsonElement? metadata = TryGetProperty(root, "Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m.Clone() : null;
        return new InvocationRequest(data.Clone(), metadata);
    }

    /// <summary>
    /// The value of the binding <paramref name="name"/> (matched without regard to case), with a JSON string that holds
    /// an object or array parsed into that object or array.
    /// </summary>
    /// <exception cref="InvocationPayloadException">The binding is missing or null.</exception>
    public JsonElement GetBinding(string name)
    {
        if (!TryGetProperty(_data, name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            var present = new List<string>();
            foreach (var property in _data.EnumerateObject())
            {
                present.Add(property.Name);
            }

            var found = present.Count == 0 ? "Data 为空" : "Data 中只有：" + string.Join("、", present);
            throw new InvocationPayloadException($"调用请求的 Data 中缺少绑定“{name}”（{found}）。请检查 function.json 中触发器绑定的 name。");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            var trimmed = text.AsSpan().TrimStart();
            if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
            {
                try
                {
                    using var inner = JsonDocument.Parse(text);
                    return inner.RootElement.Clone();
                }
                catch (JsonException e)
                {
                    throw new InvocationPayloadException($"绑定“{name}”的字符串值不是有效的 JSON（{e.Message}）。", e);
                }
            }
        }

        return value;
    }

    /// <summary>A property by name, matched exactly first and then without regard to case.</summary>
    internal static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
