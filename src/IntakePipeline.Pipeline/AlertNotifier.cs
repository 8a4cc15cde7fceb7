using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Intake;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Pipeline.Mail;

namespace IntakePipeline.Pipeline;

/// <summary>
/// The notify step of ProcessSubmission: turns what processing a file decided into queued email, the alert changes an
/// accepted file causes and the uploader's receipt.
/// </summary>
/// <remarks>
/// It runs after the submission's commit point, so a crash before it leaves the blob version without a receipt and
/// the version is processed again; the tracker returns the same changes for the same correlation id and the
/// <see cref="Outbox"/> keys each message on what it is about, so nothing is queued twice.
/// </remarks>
public sealed class AlertNotifier(AlertTracker tracker, Outbox outbox, ReportLinks links)
{
    /// <summary>
    /// For an accepted file, tracks its alerts and queues the changes; for a rejected file, or an accepted one with
    /// warnings, queues the receipt. Other outcomes (unchanged, stale, not a submission) queue nothing.
    /// </summary>
    /// <param name="outcome">What <see cref="SubmissionProcessor.HandleAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the work; a re-run completes it.</param>
    /// <returns>The alert changes of an accepted file; empty otherwise.</returns>
    public async Task<IReadOnlyList<AlertNotice>> AfterSubmissionAsync(SubmissionOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Kind is not (SubmissionOutcomeKind.Accepted or SubmissionOutcomeKind.Rejected)
            || outcome.Submitter is not { } submitter
            || outcome.Period is not { } period)
        {
            return [];
        }

        IReadOnlyList<AlertNotice> notices = [];
        var accepted = outcome.Kind == SubmissionOutcomeKind.Accepted;
        if (accepted)
        {
            notices = await tracker.TrackAsync(submitter, period, outcome.CorrelationId, cancellationToken).ConfigureAwait(false);
            await outbox.EnqueueAsync(notices, cancellationToken).ConfigureAwait(false);
        }

        var reportBlob = SubmissionBlobName.ReportContainer(submitter) + "/"
            + SubmissionProcessor.ReportBlobName(outcome.Blob.Name, SubmissionProcessor.HtmlReportSuffix);
        var reportLink = await links.ForReportAsync(submitter, outcome.Blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        var receipt = new SubmissionReceipt(
            submitter, outcome.Blob.Name, period, outcome.SubmissionId, accepted, outcome.Issues, reportBlob, reportLink, outcome.CorrelationId);
        await outbox.EnqueueReceiptAsync(receipt, cancellationToken).ConfigureAwait(false);
        return notices;
    }
}
