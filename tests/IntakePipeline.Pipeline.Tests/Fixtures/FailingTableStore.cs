using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Tests.Fixtures;

/// <summary>A table store that fails its Nth batch (a simulated crash mid-way); everything else goes to the real store.</summary>
internal sealed class FailingTableStore(ITableStore inner, int failingBatch) : ITableStore
{
    private int _batches;

    public Task<bool> CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) =>
        inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken = default) =>
        inner.InsertAsync(table, row, cancellationToken);

    public Task<string> UpsertAsync(string table, TableRow row, TableUpsertMode mode = TableUpsertMode.Merge, CancellationToken cancellationToken = default) =>
        inner.UpsertAsync(table, row, mode, cancellationToken);

    public Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default) =>
        inner.GetAsync(table, partitionKey, rowKey, select, cancellationToken);

    public Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, string? ifMatchETag = null, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(table, partitionKey, rowKey, ifMatchETag, cancellationToken);

    public IAsyncEnumerable<TableRow> QueryAsync(string table, TableQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(table, query, cancellationToken);

    public Task SubmitBatchAsync(string table, IReadOnlyList<TableBatchOperation> operations, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _batches) == failingBatch
            ? throw new IOException($"Simulated crash before batch {failingBatch}.")
            : inner.SubmitBatchAsync(table, operations, cancellationToken);
}
