namespace IntakePipeline.Storage;

/// <summary>A URL that carries a shared access signature.</summary>
/// <param name="Uri">The container's or blob's URL with the SAS as its query. It is a credential: hand it only to its reader.</param>
/// <param name="ExpiresOn">When the SAS stops working.</param>
/// <param name="Kind">How it was signed.</param>
public sealed record BlobSas(Uri Uri, DateTimeOffset ExpiresOn, BlobSasKind Kind);
