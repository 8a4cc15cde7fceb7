using System.Globalization;
using System.Text.Json;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// A timer trigger's binding value: <c>{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":…,"Next":…,
/// "LastUpdated":…},"IsPastDue":false}</c>. <c>ScheduleStatus</c> is null on a schedule's first run.
/// </summary>
/// <param name="IsPastDue">Whether this run is late (the app was down at the scheduled time).</param>
/// <param name="Last">The previous scheduled occurrence, when known.</param>
/// <param name="Next">The next scheduled occurrence, when known.</param>
internal sealed record TimerInvocation(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next)
{
    /// <summary>Reads the binding value.</summary>
    /// <exception cref="InvocationPayloadException">The value is not an object, or a field has the wrong type.</exception>
    public static TimerInvocation Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvocationPayloadException($"计时器绑定应为 JSON 对象（含 Schedule、ScheduleStatus、IsPastDue），实际为 {element.ValueKind}。");
        }

        var isPastDue = false;
        if (InvocationRequest.TryGetProperty(element, "IsPastDue", out var pastDue))
        {
            isPastDue = pastDue.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                _ => throw new InvocationPayloadException($"计时器绑定的 IsPastDue 应为 true 或 false，实际为 {pastDue.ValueKind}。"),
            };
        }

        DateTimeOffset? last = null;
        DateTimeOffset? next = null;
        if (InvocationRequest.TryGetProperty(element, "ScheduleStatus", out var status) && status.ValueKind == JsonValueKind.Object)
        {
            last = Time(status, "Last");
            next = Time(status, "Next");
        }

        return new TimerInvocation(isPastDue, last, next);
    }

    private static DateTimeOffset? Time(JsonElement status, string name)
    {
        if (!InvocationRequest.TryGetProperty(status, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        throw new InvocationPayloadException($"计时器绑定的 ScheduleStatus.{name} 不是日期时间：{value.GetRawText()}。");
    }
}
