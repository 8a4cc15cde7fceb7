namespace IntakePipeline.Storage;

/// <summary>The version stamps of a blob after a write.</summary>
/// <param name="ETag">The new ETag (quoted), usable in <see cref="BlobCondition.IfMatch"/>.</param>
/// <param name="LastModified">The new Last-Modified time.</param>
public sealed record BlobWriteResult(string ETag, DateTimeOffset LastModified);
