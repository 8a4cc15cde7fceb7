using System.Security.Cryptography;
using System.Text;
using IntakePipeline.Core.Alerts;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Pipeline.Mail;
using IntakePipeline.Pipeline.Receipts;
using IntakePipeline.Pipeline.Telemetry;
using Microsoft.Extensions.Logging;

namespace IntakePipeline.Pipeline;

/// <summary>
/// The use case of the poison queue: a message whose last attempt failed is recorded in <c>Poison</c> with what is known
/// of the failure (the attempts and last error that ProcessSubmission recorded on the receipt row, when storage let it),
/// and the operations contacts are mailed. It runs on its own trigger, so that recording does not depend on the call
/// that just failed.
/// </summary>
public sealed class RecordPoisonHandler(BlobReceiptStore receipts, Outbox outbox, ILogger<RecordPoisonHandler> logger)
{
    /// <summary>Records one poisoned message.</summary>
    /// <param name="message">The message text, as it was in the events queue.</param>
    /// <param name="cancellationToken">Cancels the work; the poison queue delivers the message again.</param>
    /// <returns>The record written.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<PoisonRecord> HandleAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        BlobVersion blob;
        try
        {
            blob = BlobCreatedEvent.Parse(message).Blob;
        }
        catch (BlobEventFormatException)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)))[..16];
            blob = new BlobVersion(PoisonRecord.UnreadableContainer, string.Empty, hash);
        }

        var correlationId = Internals.CorrelationIds.For(blob);
        var receipt = blob.Name.Length > 0 ? await receipts.GetAsync(blob, cancellationToken).ConfigureAwait(false) : null;
        var lastError = receipt?.LastError ?? (blob.Name.Length > 0 ? string.Empty : "The message is not a readable Event Grid event.");
        var record = new PoisonRecord(blob, receipt?.Attempts ?? 0, lastError, message);
        await receipts.PoisonAsync(record, cancellationToken).ConfigureAwait(false);
        await outbox.EnqueueOperationsAsync(
            new PoisonNotice(blob.Container, blob.Name, blob.ETag, record.Attempts, lastError, correlationId),
            cancellationToken).ConfigureAwait(false);
        IntakeTelemetry.FilesPoisoned.Add(1);
        logger.Poisoned(correlationId, blob.Container, blob.Name, blob.ETag, record.Attempts, lastError);
        return record;
    }
}
