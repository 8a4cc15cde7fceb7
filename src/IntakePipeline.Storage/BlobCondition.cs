namespace IntakePipeline.Storage;

/// <summary>An optional precondition on a blob write. The default value is no condition.</summary>
public readonly record struct BlobCondition
{
    private BlobCondition(bool ifNotExists, string? ifMatchETag)
    {
        IfNotExistsRequired = ifNotExists;
        IfMatchETag = ifMatchETag;
    }

    /// <summary>No condition: the write replaces whatever is there.</summary>
    public static BlobCondition None => default;

    /// <summary>Write only when no blob of that name exists (<c>If-None-Match: *</c>).</summary>
    public static BlobCondition IfNotExists => new(true, null);

    /// <summary>Whether the write requires that the blob does not exist yet.</summary>
    public bool IfNotExistsRequired { get; }

    /// <summary>The ETag the blob must still have, or <see langword="null"/>.</summary>
    public string? IfMatchETag { get; }

    /// <summary>Write only when the blob still has this ETag (<c>If-Match</c>): an optimistic-concurrency check.</summary>
    /// <param name="etag">An ETag read earlier, as returned by this port.</param>
    /// <returns>The condition.</returns>
    public static BlobCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(false, etag);
    }
}
