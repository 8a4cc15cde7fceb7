namespace IntakePipeline.Core;

/// <summary>A submitter's GB/T 2260 code and Chinese name.</summary>
/// <param name="Code">The six-digit GB/T 2260 code, e.g. 520300.</param>
/// <param name="Name">The short Chinese name, e.g. 遵义市.</param>
public sealed record Submitter(string Code, string Name);
