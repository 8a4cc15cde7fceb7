using System.Text.Encodings.Web;
using System.Text.Json;

namespace IntakePipeline.Host.Functions;

/// <summary>How invocation responses are written: the host's PascalCase names, and Chinese kept readable in logs.</summary>
internal static class InvocationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
