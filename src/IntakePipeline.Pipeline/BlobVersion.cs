namespace IntakePipeline.Pipeline;

/// <summary>
/// One version of one blob: what a trigger hands to <see cref="SubmissionProcessor"/>. The ETag pins the version,
/// so that a trigger for an older version does nothing once the blob has been overwritten.
/// </summary>
/// <param name="Container">The container, e.g. <c>intake-520300</c>.</param>
/// <param name="Name">The blob name, decoded, e.g. <c>2024-06/遵义-6月.csv</c>.</param>
/// <param name="ETag">The version's ETag, quoted or not (Event Grid sends it unquoted); compared without the quotes.</param>
public sealed record BlobVersion(string Container, string Name, string ETag);
