using Azure;
using Azure.Data.Tables;

namespace IntakePipeline.Storage.Internals;

/// <summary>Maps <see cref="TableRow"/> to the SDK's <see cref="TableEntity"/> and back, keeping Edm types.</summary>
internal static class TableRowConverter
{
    internal static TableEntity ToEntity(TableRow row)
    {
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        if (row.ETag is { } etag)
        {
            entity.ETag = new ETag(etag);
        }

        foreach (var (name, value) in row.Properties)
        {
            entity[name] = value;
        }

        return entity;
    }

    internal static TableRow FromEntity(TableEntity entity)
    {
        var row = new TableRow(entity.PartitionKey, entity.RowKey)
        {
            ETag = entity.ETag.ToString(),
            Timestamp = entity.Timestamp,
        };
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or "ETag")
            {
                continue;
            }

            row[name] = value switch
            {
                null => null,
                DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                double or int or long or bool or string or DateTimeOffset => value,
                _ => throw new NotSupportedException(
                    $"Entity {entity.PartitionKey}/{entity.RowKey} has property '{name}' of type {value.GetType().Name}, "
                    + "which this project does not use (Guid and binary columns are not supported)."),
            };
        }

        return row;
    }
}
