using IntakePipeline.Core;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Templates;
using IntakePipeline.Pipeline.Alerts;
using IntakePipeline.Pipeline.Mail;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>
/// The notify step of ProcessSubmission: turns what processing a file decided into queued email, the alert changes an
/// accepted file causes and the uploader's receipt.
/// </summary>
/// <remarks>
/// <para>
/// Alert changes are emailed only for a period at most <see cref="AlertsOptions.MailMonths"/> before the current month
/// (in the deadlines' time zone); older periods update the <c>Alerts</c> table silently, whatever the order they arrive
/// in (README, "Alerts and email"). Receipts go out for any period.
/// </para>
/// <para>
/// It runs after the submission's commit point, so a crash before it leaves the blob version without a receipt and
/// the version is processed again; the tracker returns the same changes for the same correlation id and the
/// <see cref="Outbox"/> keys each message on what it is about, so nothing is queued twice.
/// </para>
/// </remarks>
public sealed class AlertNotifier(
    AlertTracker tracker,
    Outbox outbox,
    ReportLinks links,
    IOptions<AlertsOptions> alerts,
    IOptions<DeadlinesOptions> deadlines,
    TimeProvider time)
{
    private readonly TimeZoneInfo _zone = deadlines.Value.FindTimeZone();

    /// <summary>
    /// For an accepted file, tracks its alerts and queues the changes of a recent period; for a rejected file, or an accepted one with
    /// warnings, queues the receipt; for a blob in an intake container that is not a submission, queues a receipt
    /// that says where the file belongs, with the month being collected as the example. Other outcomes (unchanged,
    /// stale, a blob outside the intake containers) queue nothing.
    /// </summary>
    /// <param name="outcome">What <see cref="SubmissionProcessor.HandleAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the work; a re-run completes it.</param>
    /// <returns>The alert changes of an accepted file, emailed or not; empty otherwise.</returns>
    public async Task<IReadOnlyList<AlertNotice>> AfterSubmissionAsync(SubmissionOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome is { Kind: SubmissionOutcomeKind.NotASubmission, Submitter: { } owner })
        {
            var misplaced = new MisplacedFile(owner, outcome.Blob.Name, deadlines.Value.CollectingPeriod(time.GetUtcNow()));
            await outbox.EnqueueReceiptAsync(await ReceiptForAsync(outcome, owner, null, false, misplaced, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return [];
        }

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
            var mailed = alerts.Value.IsMailed(period, YearMonth.Of(time.GetUtcNow(), _zone));
            notices = await tracker.TrackAsync(outcome, mailed, cancellationToken).ConfigureAwait(false);
            if (mailed)
            {
                await outbox.EnqueueAsync(notices, cancellationToken).ConfigureAwait(false);
            }
        }

        await outbox.EnqueueReceiptAsync(await ReceiptForAsync(outcome, submitter, period, accepted, null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return notices;
    }

    private async Task<SubmissionReceipt> ReceiptForAsync(
        SubmissionOutcome outcome, string submitter, YearMonth? period, bool accepted, MisplacedFile? misplaced, CancellationToken cancellationToken)
    {
        var reportBlob = SubmissionBlobName.ReportContainer(submitter) + "/"
            + SubmissionProcessor.ReportBlobName(outcome.Blob.Name, SubmissionProcessor.HtmlReportSuffix);
        var reportLink = await links.ForReportAsync(submitter, outcome.Blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SubmissionReceipt(
            submitter, outcome.Blob.Name, period, outcome.SubmissionId, accepted, outcome.Issues, reportBlob, reportLink, outcome.CorrelationId, misplaced)
        {
            TemplateBlob = period is { } month ? SubmissionBlobName.ReportContainer(submitter) + "/" + SubmissionTemplateWriter.BlobName(month) : null,
        };
    }
}
