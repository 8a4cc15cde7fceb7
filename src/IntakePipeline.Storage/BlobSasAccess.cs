namespace IntakePipeline.Storage;

/// <summary>What a container SAS allows. There is deliberately no delete: nothing this project issues may remove a blob.</summary>
[Flags]
public enum BlobSasAccess
{
    /// <summary>Nothing; not a valid request.</summary>
    None = 0,

    /// <summary>Read a blob's content and properties.</summary>
    Read = 1,

    /// <summary>Append blocks to an append blob.</summary>
    Add = 2,

    /// <summary>Create a new blob (it does not allow overwriting one).</summary>
    Create = 4,

    /// <summary>Write a blob's content, blocks and block list, and overwrite it.</summary>
    Write = 8,

    /// <summary>List the container's blobs.</summary>
    List = 16,
}
