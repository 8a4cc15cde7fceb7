namespace IntakePipeline.Storage;

/// <summary>A whole blob read in one call: its bytes and the properties of exactly that version.</summary>
/// <param name="Info">The properties of the version that was read.</param>
/// <param name="Content">The bytes.</param>
public sealed record BlobDownload(BlobInfo Info, ReadOnlyMemory<byte> Content);
