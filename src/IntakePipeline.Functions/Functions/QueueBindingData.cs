using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace IntakePipeline.Functions.Functions;

/// <summary>Reads the queue trigger's metadata from an invocation's binding data.</summary>
internal static class QueueBindingData
{
    /// <summary>The binding data key the queue trigger fills.</summary>
    public const string DequeueCountKey = "DequeueCount";

    /// <summary>How many times the message has been handed out, this time included; 1 when the host did not say.</summary>
    public static long DequeueCount(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BindingContext.BindingData.TryGetValue(DequeueCountKey, out var value) ? value switch
        {
            long number => number,
            int number => number,
            string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.Number } element => element.GetInt64(),
            _ => 1,
        } : 1;
    }
}
