namespace IntakePipeline.Storage;

/// <summary>A blob's properties: what the pipeline needs to identify a version and to route it.</summary>
/// <param name="Container">The container name.</param>
/// <param name="Name">The blob name, decoded (for example <c>2024-06/遵义-6月.csv</c>).</param>
/// <param name="ETag">The version's ETag, as the service sends it (quoted). It changes on every write.</param>
/// <param name="LastModified">When the content or metadata was last written.</param>
/// <param name="ContentLength">The size in bytes.</param>
/// <param name="ContentType">The stored content type, or <see langword="null"/>.</param>
/// <param name="Metadata">The metadata, decoded (see <see cref="BlobPutOptions.Metadata"/>).</param>
public sealed record BlobInfo(
    string Container,
    string Name,
    string ETag,
    DateTimeOffset LastModified,
    long ContentLength,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata);
