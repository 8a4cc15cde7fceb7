using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace IntakePipeline.Storage.Internals;

/// <summary>The <see cref="ITableStore"/> adapter on Azure.Data.Tables.</summary>
internal sealed class AzureTableStore : ITableStore
{
    private readonly TableServiceClient _service;

    internal AzureTableStore(TableServiceClient service) => _service = service;

    public async Task<bool> CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        try
        {
            await _service.CreateTableAsync(table, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (StorageErrors.IsAlreadyExists(e))
        {
            return false;
        }
    }

    public async Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var response = await Table(table).AddEntityAsync(TableRowConverter.ToEntity(row), cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException e) when (StorageErrors.IsConditionFailed(e))
        {
            throw StorageErrors.ConditionFailed(e, $"Inserting {row.PartitionKey}/{row.RowKey} into {table}");
        }
    }

    public async Task<string> UpsertAsync(
        string table,
        TableRow row,
        TableUpsertMode mode = TableUpsertMode.Merge,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var response = await Table(table)
            .UpsertEntityAsync(TableRowConverter.ToEntity(row), ToUpdateMode(mode), cancellationToken).ConfigureAwait(false);
        return response.Headers.ETag?.ToString() ?? string.Empty;
    }

    public async Task<TableRow?> GetAsync(
        string table,
        string partitionKey,
        string rowKey,
        IReadOnlyList<string>? select = null,
        CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        try
        {
            var response = await Table(table)
                .GetEntityAsync<TableEntity>(partitionKey, rowKey, WithKeys(select), cancellationToken).ConfigureAwait(false);
            return TableRowConverter.FromEntity(response.Value);
        }
        catch (RequestFailedException e) when (StorageErrors.IsItemNotFound(e))
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(
        string table,
        string partitionKey,
        string rowKey,
        string? ifMatchETag = null,
        CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        var etag = ifMatchETag is null ? ETag.All : new ETag(ifMatchETag);
        try
        {
            var response = await Table(table).DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken).ConfigureAwait(false);

            // The SDK returns a 404 response here instead of throwing, for a missing entity and a missing table alike.
            if (response.Status != 404)
            {
                return true;
            }

            var error = new RequestFailedException(response);
            return StorageErrors.IsItemNotFound(error) ? false : throw error;
        }
        catch (RequestFailedException e) when (StorageErrors.IsItemNotFound(e))
        {
            return false;
        }
        catch (RequestFailedException e) when (StorageErrors.IsConditionFailed(e))
        {
            throw StorageErrors.ConditionFailed(e, $"Deleting {partitionKey}/{rowKey} from {table}");
        }
    }

    public async IAsyncEnumerable<TableRow> QueryAsync(
        string table,
        TableQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pages = Table(table)
            .QueryAsync<TableEntity>(query.Filter, query.PageSize, WithKeys(query.Select), cancellationToken)
            .AsPages(pageSizeHint: query.PageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var entity in page.Values)
            {
                yield return TableRowConverter.FromEntity(entity);
            }
        }
    }

    public async Task SubmitBatchAsync(
        string table,
        IReadOnlyList<TableBatchOperation> operations,
        CancellationToken cancellationToken = default)
    {
        var actions = ToActions(operations);
        try
        {
            await Table(table).SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e)
        {
            throw new TableBatchFailedException(
                $"The batch of {actions.Length} operations on {table}/{operations[0].Row.PartitionKey} failed at index "
                + $"{e.FailedTransactionActionIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {e.Status} {e.ErrorCode}.",
                e.FailedTransactionActionIndex,
                e.Status,
                e.ErrorCode,
                e);
        }
    }

    /// <summary>Checks a batch against the service's rules before anything is sent.</summary>
    internal static TableTransactionAction[] ToActions(IReadOnlyList<TableBatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count is 0 or > TableBatchOperation.MaxBatchSize)
        {
            throw new ArgumentException(
                $"A batch holds 1 to {TableBatchOperation.MaxBatchSize} operations, not {operations.Count}.", nameof(operations));
        }

        var partition = operations[0]?.Row.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        var actions = new TableTransactionAction[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i] ?? throw new ArgumentException($"Batch operation {i} is null.", nameof(operations));
            var row = operation.Row;
            if (!string.Equals(row.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"A batch must stay in one partition: operation {i} is in '{row.PartitionKey}', operation 0 in '{partition}'.",
                    nameof(operations));
            }

            if (!rowKeys.Add(row.RowKey))
            {
                throw new ArgumentException($"Operation {i} repeats row key '{row.RowKey}'; a batch may touch each entity once.", nameof(operations));
            }

            var entity = TableRowConverter.ToEntity(row);
            actions[i] = operation.Action switch
            {
                TableBatchAction.UpsertMerge => new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity),
                TableBatchAction.UpsertReplace => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity),
                TableBatchAction.Insert => new TableTransactionAction(TableTransactionActionType.Add, entity),
                TableBatchAction.Delete => new TableTransactionAction(
                    TableTransactionActionType.Delete, entity, row.ETag is null ? ETag.All : new ETag(row.ETag)),
                _ => throw new ArgumentException($"Operation {i} has an unknown action {operation.Action}.", nameof(operations)),
            };
        }

        return actions;
    }

    /// <summary>A projection always brings the keys back, since every <see cref="TableRow"/> has them.</summary>
    private static List<string>? WithKeys(IReadOnlyList<string>? select)
    {
        if (select is null)
        {
            return null;
        }

        var columns = new List<string>(select.Count + 2) { "PartitionKey", "RowKey" };
        foreach (var column in select)
        {
            if (column is not ("PartitionKey" or "RowKey"))
            {
                columns.Add(column);
            }
        }

        return columns;
    }

    private static TableUpdateMode ToUpdateMode(TableUpsertMode mode) => mode switch
    {
        TableUpsertMode.Merge => TableUpdateMode.Merge,
        TableUpsertMode.Replace => TableUpdateMode.Replace,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown upsert mode."),
    };

    private TableClient Table(string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        return _service.GetTableClient(table);
    }
}
