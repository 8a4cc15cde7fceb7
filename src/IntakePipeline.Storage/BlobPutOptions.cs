namespace IntakePipeline.Storage;

/// <summary>How <see cref="IBlobStore.PutAsync(string, string, ReadOnlyMemory{byte}, BlobPutOptions?, CancellationToken)"/> writes a blob.</summary>
public sealed record BlobPutOptions
{
    /// <summary>The content type; the default is <c>application/octet-stream</c>.</summary>
    public string ContentType { get; init; } = "application/octet-stream";

    /// <summary>
    /// The metadata to store, or <see langword="null"/> for none. Names must be C# identifiers. Values may be any
    /// text: blob metadata travels in HTTP headers and is ASCII-only, so a value that is not plain printable ASCII,
    /// contains <c>%</c>, or starts or ends with white space is stored percent-encoded as UTF-8
    /// (<see cref="Uri.EscapeDataString(string)"/>), and this port decodes it on the way back. Other tools see the
    /// encoded form, for example <c>%E9%81%B5%E4%B9%89</c> for 遵义.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The precondition; the default is none.</summary>
    public BlobCondition Condition { get; init; }
}
