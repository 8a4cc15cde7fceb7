using System.Threading.Channels;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Mail;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// The standalone host's timer functions: <c>SendAlerts</c> drains the outbox right after each processed file
/// (<see cref="RequestSend"/>) and every <see cref="MailOptions.SendInterval"/>; <c>CheckDeadlines</c> runs at start and
/// then daily, five minutes after midnight in the deadline's time zone (just after a 23:59:59 deadline).
/// A failed run is logged and the next one tries again; the outbox and the alert rows keep the state.
/// </summary>
internal sealed class AlertTimers(
    AlertNotifier notifier,
    SendAlertsHandler sender,
    IOptions<MailOptions> mail,
    IOptions<DeadlinesOptions> deadlines,
    TimeProvider time,
    ILogger<AlertTimers> logger) : BackgroundService
{
    private static readonly TimeSpan _checkTimeOfDay = new(0, 5, 0);
    private readonly Channel<bool> _sendRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for an outbox run as soon as possible; requests made while one is pending coalesce.</summary>
    public void RequestSend() => _sendRequests.Writer.TryWrite(true);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendLoopAsync(stoppingToken), DeadlineLoopAsync(stoppingToken));

    private async Task SendLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunAsync("SendAlerts", sender.RunAsync, stoppingToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(mail.Value.SendInterval);
            try
            {
                await _sendRequests.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The interval passed without a request: run anyway.
            }
        }
    }

    private async Task DeadlineLoopAsync(CancellationToken stoppingToken)
    {
        var zone = deadlines.Value.FindTimeZone();
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunAsync("CheckDeadlines", async ct =>
            {
                var (opened, queued) = await notifier.CheckDeadlinesAsync(ct).ConfigureAwait(false);
                StandaloneLog.DeadlinesChecked(logger, opened, queued);
                RequestSend();
            }, stoppingToken).ConfigureAwait(false);
            await Task.Delay(UntilNextCheck(time.GetUtcNow(), zone), time, stoppingToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan UntilNextCheck(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var next = local.Date + _checkTimeOfDay;
        if (next <= local.DateTime)
        {
            next = next.AddDays(1);
        }

        return new DateTimeOffset(next, zone.GetUtcOffset(next)) - now;
    }

    private async Task RunAsync(string function, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        try
        {
            await run(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            StandaloneLog.TimerFunctionFailed(logger, e, function);
        }
    }
}
