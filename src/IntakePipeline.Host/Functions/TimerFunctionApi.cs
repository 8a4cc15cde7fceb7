using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Host.Functions;

/// <summary>
/// Maps timer functions: <c>POST /{functionName}</c> with a <c>timerTrigger</c> binding named <see cref="BindingName"/>.
/// The timer functions (CheckDeadlines, SendAlerts) map here in <see cref="FunctionsHandlerHost.MapIntakeFunctions"/>;
/// each has a folder <c>{functionName}/function.json</c> holding its schedule.
/// </summary>
internal static class TimerFunctionApi
{
    /// <summary>The timer binding's <c>name</c> in <c>function.json</c>.</summary>
    public const string BindingName = "timer";

    /// <summary>Maps <paramref name="functionName"/> to <paramref name="run"/>, whose returned text goes into the invocation log.</summary>
    public static RouteHandlerBuilder MapTimerFunction(
        this IEndpointRouteBuilder endpoints,
        string functionName,
        Func<IServiceProvider, TimerInvocation, CancellationToken, Task<string>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(run);
        return endpoints.MapPost("/" + functionName, async (HttpContext context, ILoggerFactory loggers) =>
        {
            var invocation = await InvocationRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var timer = TimerInvocation.Parse(invocation.GetBinding(BindingName));
            FunctionsLog.TimerRun(loggers.CreateLogger(typeof(TimerFunctionApi)), functionName, timer.IsPastDue);
            var log = await run(context.RequestServices, timer, context.RequestAborted).ConfigureAwait(false);
            return Results.Json(InvocationResponse.FromLogs(null, log), InvocationJson.Options);
        });
    }
}
