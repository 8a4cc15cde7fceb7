namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>One file of the hostile corpus: its name (a category folder, the file name and its extension) and how to make it.</summary>
/// <param name="Name">The corpus name, such as <c>zip/crc-mismatch.xlsx</c>; the extension decides the format.</param>
/// <param name="Build">Generates the file's bytes; large files are made here, at test time, and never committed.</param>
internal sealed record HostileFile(string Name, Func<byte[]> Build)
{
    /// <inheritdoc/>
    public override string ToString() => Name;
}
