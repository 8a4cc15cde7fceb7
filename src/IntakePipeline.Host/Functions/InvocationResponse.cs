using System.Text.Json.Serialization;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// The custom handler's response payload: <c>{"Outputs":{…},"Logs":[…],"ReturnValue":…}</c>. The Functions host writes
/// <see cref="Logs"/> into the invocation's log and hands <see cref="Outputs"/> to output bindings (none here).
/// </summary>
internal sealed record InvocationResponse
{
    [JsonPropertyName("Outputs")]
    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    [JsonPropertyName("Logs")]
    public IReadOnlyList<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; init; }

    public static InvocationResponse FromLogs(object? returnValue, params string[] logs) =>
        new() { Logs = logs, ReturnValue = returnValue };
}
