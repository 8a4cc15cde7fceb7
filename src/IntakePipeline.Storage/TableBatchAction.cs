namespace IntakePipeline.Storage;

/// <summary>What one operation of a <see cref="ITableStore.SubmitBatchAsync"/> transaction does.</summary>
public enum TableBatchAction
{
    /// <summary>Insert or merge the entity.</summary>
    UpsertMerge,

    /// <summary>Insert or replace the entity.</summary>
    UpsertReplace,

    /// <summary>Insert the entity; the whole batch fails if it exists.</summary>
    Insert,

    /// <summary>Delete the entity, with its <see cref="TableRow.ETag"/> as a condition when set; the whole batch fails if it does not exist.</summary>
    Delete,
}
