using IntakePipeline.Core;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Pipeline.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>
/// The CheckDeadlines use case, which every host's daily timer runs: first queues the events of intake files that were
/// never processed (<see cref="IntakeReconciler"/>), then opens the missing-submission alerts that are due, leaving out
/// the prefectures and periods whose files were just queued, and queues their email; finally makes sure that every
/// submitter has a template for the month being collected (<see cref="DeadlinesOptions.CollectingPeriod"/>) and for each
/// month reported missing.
/// </summary>
public sealed class CheckDeadlinesHandler(
    IntakeReconciler reconciler,
    DeadlineChecker deadlines,
    Outbox outbox,
    SubmissionTemplatePublisher templates,
    IOptions<QueuesOptions> queues,
    IOptions<DeadlinesOptions> deadlineOptions,
    TimeProvider time,
    ILogger<CheckDeadlinesHandler> logger)
{
    /// <summary>Runs the check.</summary>
    /// <param name="cancellationToken">Cancels the run; the next run completes it.</param>
    /// <returns>The files queued again, the alerts opened and the Outbox rows inserted.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<CheckDeadlinesResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var pending = await reconciler.ReconcileAsync(null, queues.Value.ReconcileAfter, cancellationToken).ConfigureAwait(false);
        var notices = await deadlines.CheckAsync(pending, cancellationToken).ConfigureAwait(false);
        var queued = await outbox.EnqueueAsync(notices, cancellationToken).ConfigureAwait(false);
        var collecting = deadlineOptions.Value.CollectingPeriod(time.GetUtcNow());
        foreach (var submitter in Submitters.All)
        {
            await templates.EnsureAsync(submitter.Code, collecting, cancellationToken).ConfigureAwait(false);
        }

        // A missing-submission alert links the month's template.
        foreach (var notice in notices)
        {
            await templates.EnsureAsync(notice.Scope, notice.Period, cancellationToken).ConfigureAwait(false);
        }
        foreach (var _ in notices)
        {
            Telemetry.IntakeTelemetry.AlertsOpened.Add(1, new KeyValuePair<string, object?>("intake.alert_kind", "Missing"));
        }

        var result = new CheckDeadlinesResult(pending.Count, notices.Count, queued);
        logger.DeadlinesRun(result.Requeued, result.Opened, result.Queued);
        return result;
    }
}
