namespace IntakePipeline.Storage;

/// <summary>How an upsert treats the properties already stored on an entity.</summary>
public enum TableUpsertMode
{
    /// <summary>Keep stored properties that the new row does not name (Insert Or Merge).</summary>
    Merge,

    /// <summary>Drop stored properties that the new row does not name (Insert Or Replace).</summary>
    Replace,
}
