namespace IntakePipeline.Storage;

/// <summary>
/// The narrow port over Table Storage that the pipeline uses. The Azure adapter behind it is made by
/// <see cref="StorageClientFactory"/>; no Azure Storage SDK type crosses this interface.
/// </summary>
/// <remarks>
/// Keys are checked with <see cref="TableKeys.Validate(string, string?)"/> before any call. Failures that are not an
/// expected outcome (authentication, throttling after the retries, a table being deleted, a missing table) surface
/// as <see cref="Azure.RequestFailedException"/>.
/// </remarks>
public interface ITableStore
{
    /// <summary>Creates the table unless it already exists.</summary>
    /// <param name="table">The table name: 3–63 letters and digits, starting with a letter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this call created it; <see langword="false"/> when it already existed.</returns>
    Task<bool> CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new entity.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="row">The entity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new entity's ETag.</returns>
    /// <exception cref="StorageConditionFailedException">An entity with these keys exists (409 <c>EntityAlreadyExists</c>).</exception>
    Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates an entity, without any ETag check.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="row">The entity.</param>
    /// <param name="mode">
    /// <see cref="TableUpsertMode.Merge"/> (the default) keeps the stored properties that <paramref name="row"/> lacks;
    /// <see cref="TableUpsertMode.Replace"/> drops them.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entity's new ETag.</returns>
    Task<string> UpsertAsync(
        string table,
        TableRow row,
        TableUpsertMode mode = TableUpsertMode.Merge,
        CancellationToken cancellationToken = default);

    /// <summary>Reads one entity by its keys.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">The properties to return, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entity, or <see langword="null"/> when it does not exist.</returns>
    Task<TableRow?> GetAsync(
        string table,
        string partitionKey,
        string rowKey,
        IReadOnlyList<string>? select = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes one entity.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="ifMatchETag">The ETag the entity must still have, or <see langword="null"/> to delete any version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when deleted; <see langword="false"/> when it did not exist.</returns>
    /// <exception cref="StorageConditionFailedException">The entity's ETag differs from <paramref name="ifMatchETag"/>.</exception>
    Task<bool> DeleteAsync(
        string table,
        string partitionKey,
        string rowKey,
        string? ifMatchETag = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Queries a table, following the service's continuation tokens page by page until the end. The service returns
    /// at most <see cref="TableQuery.PageSize"/> entities per round trip; the enumeration yields all of them.
    /// </summary>
    /// <param name="table">The table name.</param>
    /// <param name="query">The filter, projection and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The matching entities, in key order.</returns>
    IAsyncEnumerable<TableRow> QueryAsync(string table, TableQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits an entity-group transaction: up to <see cref="TableBatchOperation.MaxBatchSize"/> operations on one
    /// partition, applied all together or not at all.
    /// </summary>
    /// <param name="table">The table name.</param>
    /// <param name="operations">1 to 100 operations, all on the same partition key, each row key at most once.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">
    /// The batch is empty, larger than 100, spans partitions, repeats a row key or holds an invalid key. Nothing is sent.
    /// </exception>
    /// <exception cref="TableBatchFailedException">The service rejected the batch; nothing from it was applied.</exception>
    Task SubmitBatchAsync(
        string table,
        IReadOnlyList<TableBatchOperation> operations,
        CancellationToken cancellationToken = default);
}
