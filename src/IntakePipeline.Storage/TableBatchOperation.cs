namespace IntakePipeline.Storage;

/// <summary>One operation of an entity-group transaction.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Row">The entity; for <see cref="TableBatchAction.Delete"/> only its keys and ETag matter.</param>
public sealed record TableBatchOperation(TableBatchAction Action, TableRow Row)
{
    /// <summary>The service's limit on operations per transaction.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>An insert-or-merge of <paramref name="row"/>.</summary>
    /// <param name="row">The entity.</param>
    /// <returns>The operation.</returns>
    public static TableBatchOperation UpsertMerge(TableRow row) => new(TableBatchAction.UpsertMerge, row);

    /// <summary>An insert-or-replace of <paramref name="row"/>.</summary>
    /// <param name="row">The entity.</param>
    /// <returns>The operation.</returns>
    public static TableBatchOperation UpsertReplace(TableRow row) => new(TableBatchAction.UpsertReplace, row);

    /// <summary>An insert of <paramref name="row"/>.</summary>
    /// <param name="row">The entity.</param>
    /// <returns>The operation.</returns>
    public static TableBatchOperation Insert(TableRow row) => new(TableBatchAction.Insert, row);

    /// <summary>A delete of the entity with these keys, any version.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <returns>The operation.</returns>
    public static TableBatchOperation Delete(string partitionKey, string rowKey) =>
        new(TableBatchAction.Delete, new TableRow(partitionKey, rowKey));
}
