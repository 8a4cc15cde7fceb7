using System.Text.Json;
using System.Text.Json.Serialization;
using IntakePipeline.Core.Alerts;

namespace IntakePipeline.Pipeline.Mail;

/// <summary>An <see cref="AlertNotice"/> as JSON, kept in a digest item so that the digest can be composed later.</summary>
internal static class NoticeJson
{
    private static readonly JsonSerializerOptions _options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(AlertNotice notice) => JsonSerializer.Serialize(notice, _options);

    public static AlertNotice Deserialize(string json) =>
        JsonSerializer.Deserialize<AlertNotice>(json, _options)
        ?? throw new JsonException("A digest item holds an empty notice.");
}
