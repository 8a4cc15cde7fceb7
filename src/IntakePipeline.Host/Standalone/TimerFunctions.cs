using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Mail;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// Plays the two timer triggers on the same six-field NCRONTAB schedules (UTC) as the Functions app
/// (<see cref="SchedulesOptions"/>): CheckDeadlines and SendAlerts, each running its use case. A failed run is logged and
/// the next occurrence tries again; the tables keep the state.
/// </summary>
internal sealed class TimerFunctions(
    CheckDeadlinesHandler deadlines,
    SendAlertsHandler alerts,
    IOptions<SchedulesOptions> schedules,
    TimeProvider time,
    ILogger<TimerFunctions> logger) : BackgroundService
{
    private static readonly CrontabSchedule.ParseOptions _withSeconds = new() { IncludingSeconds = true };

    /// <summary>Whether an expression is a valid six-field NCRONTAB schedule.</summary>
    public static bool IsValid(string? expression) =>
        expression is not null && CrontabSchedule.TryParse(expression, _withSeconds) is not null;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        RunOnScheduleAsync("CheckDeadlines", schedules.Value.CheckDeadlines, async ct => StandaloneLog.TimerRan(logger, "CheckDeadlines", (await deadlines.RunAsync(ct).ConfigureAwait(false)).ToString()), stoppingToken),
        RunOnScheduleAsync("SendAlerts", schedules.Value.SendAlerts, async ct => StandaloneLog.TimerRan(logger, "SendAlerts", (await alerts.RunAsync(ct).ConfigureAwait(false)).ToString()), stoppingToken));

    private async Task RunOnScheduleAsync(string function, string expression, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        var schedule = CrontabSchedule.Parse(expression, _withSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
                await run(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                StandaloneLog.TimerFunctionFailed(logger, e, function);
            }
        }
    }
}
