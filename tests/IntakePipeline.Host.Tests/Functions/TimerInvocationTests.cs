using System.Text.Json;
using IntakePipeline.Host.Functions;

namespace IntakePipeline.Host.Tests.Functions;

public sealed class TimerInvocationTests
{
    [Fact]
    public void Parse_FirstRunWithoutStatus_HasNoOccurrences()
    {
        var timer = TimerInvocation.Parse(Json("""{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}"""));

        Assert.Equal(new TimerInvocation(false, null, null), timer);
    }

    [Fact]
    public void Parse_DocumentedPayload_ReadsStatus()
    {
        var timer = TimerInvocation.Parse(JsonSerializer.SerializeToElement(InvocationPayloads.Timer(isPastDue: false)));

        Assert.False(timer.IsPastDue);
        Assert.Equal(new DateTimeOffset(2024, 7, 2, 16, 0, 0, TimeSpan.Zero), timer.Last);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"IsPastDue":"yes"}""")]
    [InlineData("""{"ScheduleStatus":{"Next":"tomorrow"}}""")]
    [InlineData("""{"ScheduleStatus":{"Last":42}}""")]
    public void Parse_Malformed_Throws(string json)
    {
        Assert.Throws<InvocationPayloadException>(() => TimerInvocation.Parse(Json(json)));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
