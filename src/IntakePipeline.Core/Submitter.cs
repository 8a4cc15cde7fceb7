namespace IntakePipeline.Core;

/// <summary>A submitter's GB/T 2260 code and Chinese names, as listed in <c>seeds/submitters.json</c>.</summary>
/// <param name="Code">The six-digit GB/T 2260 code, e.g. 520300.</param>
/// <param name="Name">The Chinese name used in messages, e.g. 遵义市.</param>
/// <param name="ShortName">The name without its 市/州/省 suffix, e.g. 遵义: for tight places such as file names.</param>
public sealed record Submitter(string Code, string Name, string ShortName);
