using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Pipeline.Mail;

namespace IntakePipeline.Pipeline;

/// <summary>
/// Turns what the pipeline decided into queued email (issue 4): the alert changes an accepted file causes, the
/// uploader's receipt, and the missing-submission alerts of the deadline check. Both hosts call it, the standalone host
/// after each processed blob and on its daily timer, the Functions handler in ProcessSubmission and CheckDeadlines.
/// </summary>
/// <remarks>
/// It runs after the submission's commit point, so a crash before it leaves the blob version without a receipt and
/// the version is processed again; the tracker returns the same changes for the same correlation id and the
/// <see cref="Outbox"/> keys each message on what it is about, so nothing is queued twice.
/// </remarks>
public sealed class AlertNotifier(AlertTracker tracker, DeadlineChecker deadlines, Outbox outbox)
{
    /// <summary>
    /// For an accepted file, tracks its alerts and queues the changes; for a rejected file, or an accepted one with
    /// warnings, queues the receipt. Other outcomes (unchanged, stale, not a submission) queue nothing.
    /// </summary>
    /// <param name="outcome">What <see cref="ProcessSubmissionHandler.HandleAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the work; a re-run completes it.</param>
    /// <returns>How many Outbox rows were inserted.</returns>
    public async Task<int> AfterSubmissionAsync(SubmissionOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kind is not (SubmissionOutcomeKind.Accepted or SubmissionOutcomeKind.Rejected)
            || outcome.Submitter is not { } submitter
            || outcome.Period is not { } period)
        {
            return 0;
        }

        var queued = 0;
        var accepted = outcome.Kind == SubmissionOutcomeKind.Accepted;
        if (accepted)
        {
            var notices = await tracker.TrackAsync(submitter, period, outcome.CorrelationId, cancellationToken).ConfigureAwait(false);
            queued += await outbox.EnqueueAsync(notices, cancellationToken).ConfigureAwait(false);
        }

        var reportBlob = SubmissionBlobName.ReportContainer(submitter) + "/"
            + ProcessSubmissionHandler.ReportBlobName(outcome.Blob.Name, ProcessSubmissionHandler.HtmlReportSuffix);
        var receipt = new SubmissionReceipt(
            submitter, outcome.Blob.Name, period, outcome.SubmissionId, accepted, outcome.Issues, reportBlob, outcome.CorrelationId);
        queued += await outbox.EnqueueReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
        return queued;
    }

    /// <summary>The CheckDeadlines function: opens the missing-submission alerts that are due and queues their email.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The alerts opened and the Outbox rows inserted.</returns>
    public async Task<(int Opened, int Queued)> CheckDeadlinesAsync(CancellationToken cancellationToken = default)
    {
        var notices = await deadlines.CheckAsync(cancellationToken).ConfigureAwait(false);
        var queued = await outbox.EnqueueAsync(notices, cancellationToken).ConfigureAwait(false);
        return (notices.Count, queued);
    }
}
