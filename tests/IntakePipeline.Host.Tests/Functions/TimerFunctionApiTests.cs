using System.Net;
using IntakePipeline.Host.Functions;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class TimerFunctionApiTests(AzuriteServer azurite)
{
    // A test-only function: the real timers (CheckDeadlines, SendAlerts) come with the alerts issue.
    private const string TestTimer = "TestTimer";

    [Fact]
    public async Task MapTimerFunction_TimerPayload_RunsWithScheduleAndLogsResult()
    {
        TimerInvocation? received = null;
        await using var app = await HandlerTestApp.StartAsync(azurite, a => a.MapTimerFunction(TestTimer, (_, timer, _) =>
        {
            received = timer;
            return Task.FromResult("已检查 9 个市州。");
        }));

        var response = await app.PostAsync(TestTimer, InvocationPayloads.Invocation(TestTimer, TimerFunctionApi.BindingName, InvocationPayloads.Timer(isPastDue: true)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("已检查 9 个市州。", (await HandlerTestApp.ReadBodyAsync(response)).GetProperty("Logs")[0].GetString());
        Assert.NotNull(received);
        Assert.True(received.IsPastDue);
        Assert.Equal(new DateTimeOffset(2024, 7, 3, 16, 0, 0, TimeSpan.Zero), received.Next);
        Assert.Equal(new DateTimeOffset(2024, 7, 2, 16, 0, 0, TimeSpan.Zero), received.Last);
    }

    [Fact]
    public async Task MapTimerFunction_RunThrows_Returns500()
    {
        await using var app = await HandlerTestApp.StartAsync(azurite, a => a.MapTimerFunction(TestTimer, (_, _, _) =>
            throw new InvalidOperationException("SMTP 服务器不可用")));

        var response = await app.PostAsync(TestTimer, InvocationPayloads.Invocation(TestTimer, TimerFunctionApi.BindingName, InvocationPayloads.Timer(isPastDue: false)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("SMTP 服务器不可用", (await HandlerTestApp.ReadBodyAsync(response)).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapTimerFunction_WrongBindingName_Returns400()
    {
        await using var app = await HandlerTestApp.StartAsync(azurite, a => a.MapTimerFunction(TestTimer, (_, _, _) => Task.FromResult("ok")));

        var response = await app.PostAsync(TestTimer, InvocationPayloads.Invocation(TestTimer, "myTimer", InvocationPayloads.Timer(isPastDue: false)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
