using IntakePipeline.Core;
using IntakePipeline.Core.Intake;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Templates;
using IntakePipeline.Core.Validation;
using IntakePipeline.Pipeline.Internals;
using IntakePipeline.Storage;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline;

/// <summary>
/// Keeps each submitter's monthly XLSX template in its report container, at
/// <c>reports-{code}/</c><see cref="SubmissionTemplateWriter.BlobName"/> (<c>templates/{yyyy-MM}.xlsx</c>), where
/// receipts, reports and missing-submission alerts link to it. A template's 上期值 column holds the submitter's accepted
/// values of the month before. Thread-safe.
/// </summary>
/// <param name="blobs">The blob store the templates are written to.</param>
/// <param name="tables">The table store the accepted values are read from.</param>
/// <param name="catalog">The plan catalog, for each submitter's indicators.</param>
/// <param name="names">The table names.</param>
public sealed class SubmissionTemplatePublisher(IBlobStore blobs, ITableStore tables, PlanCatalog catalog, IOptions<TableNames> names)
{
    private readonly SubmissionTemplateWriter _writer = new(catalog);

    /// <summary>
    /// Writes the template for <paramref name="period"/> with <paramref name="previous"/> in its 上期值 column, replacing
    /// any there: after a file of the month before is accepted, its values are the ones to show.
    /// </summary>
    /// <param name="submitter">The submitter's code.</param>
    /// <param name="period">The month the template is for.</param>
    /// <param name="previous">The accepted values of the month before <paramref name="period"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the template is stored.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public Task PublishAsync(string submitter, YearMonth period, IReadOnlyList<Observation> previous, CancellationToken cancellationToken = default) =>
        PutAsync(submitter, period, previous, BlobCondition.None, cancellationToken);

    /// <summary>
    /// Writes the template for <paramref name="period"/> when there is none yet, with the accepted values of the month
    /// before read from its accepted <c>Submissions</c> row; an existing template is left as it is.
    /// </summary>
    /// <param name="submitter">The submitter's code.</param>
    /// <param name="period">The month the template is for.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when this call wrote it.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<bool> EnsureAsync(string submitter, YearMonth period, CancellationToken cancellationToken = default)
    {
        var container = SubmissionBlobName.ReportContainer(submitter);
        if (await blobs.GetPropertiesAsync(container, SubmissionTemplateWriter.BlobName(period), cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var previous = await ReadAcceptedAsync(submitter, period.AddMonths(-1), cancellationToken).ConfigureAwait(false);
        try
        {
            await PutAsync(submitter, period, previous, BlobCondition.IfNotExists, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StorageConditionFailedException)
        {
            // An accepted file of the month before wrote it meanwhile, with values at least as fresh.
            return false;
        }
    }

    private async Task PutAsync(string submitter, YearMonth period, IReadOnlyList<Observation> previous, BlobCondition condition, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        _writer.Write(content, submitter, period, previous);
        await blobs.PutAsync(
            SubmissionBlobName.ReportContainer(submitter),
            SubmissionTemplateWriter.BlobName(period),
            content.GetBuffer().AsMemory(0, (int)content.Length),
            new BlobPutOptions { ContentType = SubmissionTemplateWriter.ContentType, Condition = condition },
            cancellationToken).ConfigureAwait(false);
    }

    // The month's accepted file keeps its values on its Submissions row: one key-range read of at most a few rows.
    private async Task<List<Observation>> ReadAcceptedAsync(string submitter, YearMonth month, CancellationToken cancellationToken)
    {
        var values = new List<Observation>();
        var query = new TableQuery
        {
            Filter = TableFilter.Create(
                $"PartitionKey eq {submitter} and RowKey ge {month + "|"} and RowKey lt {month + "|~"} and Status eq {SubmissionStatus.Accepted}"),
            Select = [SubmissionValues.Column],
        };
        await foreach (var row in tables.QueryAsync(names.Value.Submissions, query, cancellationToken).ConfigureAwait(false))
        {
            values.AddRange(SubmissionValues.Of(row).Select(v => new Observation(v.Key, v.Value, catalog.FindIndicator(v.Key)?.Unit ?? string.Empty)));
        }

        return values;
    }
}
