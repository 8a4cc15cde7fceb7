using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>One entry of <c>manifest.json</c>: what a corpus file must yield.</summary>
internal sealed record CorpusExpectation(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("submitter")] string? Submitter = null,
    [property: JsonPropertyName("codes")] IReadOnlyList<string>? Codes = null,
    [property: JsonPropertyName("once")] IReadOnlyList<string>? Once = null,
    [property: JsonPropertyName("issues")] int? Issues = null,
    [property: JsonPropertyName("mentions")] IReadOnlyList<string>? Mentions = null,
    [property: JsonPropertyName("stored")] IReadOnlyDictionary<string, double>? Stored = null,
    [property: JsonPropertyName("why")] string? Why = null);

/// <summary>The corpus manifest, <c>Corpus/manifest.json</c>, copied next to the test assembly.</summary>
internal static class CorpusManifest
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusExpectation>> _entries = new(Load);

    public static IReadOnlyDictionary<string, CorpusExpectation> Entries => _entries.Value;

    private static IReadOnlyDictionary<string, CorpusExpectation> Load()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Corpus", "manifest.json"));
        using var document = JsonDocument.Parse(stream);
        var files = document.RootElement.GetProperty("files").Deserialize<List<CorpusExpectation>>()!;
        return files.ToDictionary(f => f.File, StringComparer.Ordinal);
    }
}
