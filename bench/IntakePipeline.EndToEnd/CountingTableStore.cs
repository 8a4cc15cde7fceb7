using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using IntakePipeline.Storage;

namespace IntakePipeline.EndToEnd;

/// <summary>
/// The real table store, counting per table what the pipeline asks of it: entities written, batches, single writes,
/// point reads, queries and the pages they returned, and the time spent waiting on each kind of call.
/// </summary>
internal sealed class CountingTableStore(ITableStore inner) : ITableStore
{
    private readonly ConcurrentDictionary<string, TableCounters> _counters = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TableCounters> Counters => _counters;

    public void Reset() => _counters.Clear();

    public Task<bool> CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) =>
        inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public async Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var etag = await inner.InsertAsync(table, row, cancellationToken).ConfigureAwait(false);
        For(table).AddSingleWrite(Stopwatch.GetElapsedTime(started));
        return etag;
    }

    public async Task<string> UpsertAsync(string table, TableRow row, TableUpsertMode mode = TableUpsertMode.Merge, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var etag = await inner.UpsertAsync(table, row, mode, cancellationToken).ConfigureAwait(false);
        For(table).AddSingleWrite(Stopwatch.GetElapsedTime(started));
        return etag;
    }

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var row = await inner.GetAsync(table, partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        For(table).AddPointRead(Stopwatch.GetElapsedTime(started));
        return row;
    }

    public async Task<bool> DeleteAsync(string table, string partitionKey, string rowKey, string? ifMatchETag = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var deleted = await inner.DeleteAsync(table, partitionKey, rowKey, ifMatchETag, cancellationToken).ConfigureAwait(false);
        For(table).AddSingleWrite(Stopwatch.GetElapsedTime(started));
        return deleted;
    }

    public async IAsyncEnumerable<TableRow> QueryAsync(string table, TableQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var counters = For(table);
        var started = Stopwatch.GetTimestamp();
        var rows = 0L;
        await foreach (var row in inner.QueryAsync(table, query, cancellationToken).ConfigureAwait(false))
        {
            rows++;
            yield return row;
        }

        counters.AddQuery(rows, Stopwatch.GetElapsedTime(started));
    }

    public async Task SubmitBatchAsync(string table, IReadOnlyList<TableBatchOperation> operations, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.SubmitBatchAsync(table, operations, cancellationToken).ConfigureAwait(false);
        For(table).AddBatch(operations.Count, Stopwatch.GetElapsedTime(started));
    }

    private TableCounters For(string table) => _counters.GetOrAdd(table, static _ => new TableCounters());
}
