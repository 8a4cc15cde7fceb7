using IntakePipeline.Storage;

namespace IntakePipeline.Pipeline.Internals;

/// <summary>Submits operations as entity-group transactions: grouped by partition, in order, at most 100 per batch.</summary>
internal static class TableBatches
{
    /// <summary>
    /// Submits <paramref name="operations"/> partition by partition (in order of first appearance), each partition's
    /// operations in their order, split into batches of <see cref="TableBatchOperation.MaxBatchSize"/>. A row key must
    /// appear at most once per partition.
    /// </summary>
    /// <returns>The number of operations submitted.</returns>
    public static async Task<int> SubmitAsync(
        ITableStore tables,
        string table,
        IReadOnlyList<TableBatchOperation> operations,
        CancellationToken cancellationToken = default)
    {
        if (operations.Count == 0)
        {
            return 0;
        }

        var partitions = new Dictionary<string, List<TableBatchOperation>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var operation in operations)
        {
            if (!partitions.TryGetValue(operation.Row.PartitionKey, out var list))
            {
                list = [];
                partitions.Add(operation.Row.PartitionKey, list);
                order.Add(operation.Row.PartitionKey);
            }

            list.Add(operation);
        }

        foreach (var partition in order)
        {
            var list = partitions[partition];
            for (var start = 0; start < list.Count; start += TableBatchOperation.MaxBatchSize)
            {
                var count = Math.Min(TableBatchOperation.MaxBatchSize, list.Count - start);
                await tables.SubmitBatchAsync(table, list.GetRange(start, count), cancellationToken).ConfigureAwait(false);
            }
        }

        return operations.Count;
    }
}
