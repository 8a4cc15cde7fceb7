namespace IntakePipeline.Storage;

/// <summary>A container's name and version stamps.</summary>
/// <param name="Name">The container name.</param>
/// <param name="ETag">The container's ETag, as the service sends it (quoted).</param>
/// <param name="LastModified">When the container or its own metadata last changed.</param>
public sealed record BlobContainerInfo(string Name, string ETag, DateTimeOffset LastModified);
