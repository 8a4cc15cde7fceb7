namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>
/// The project's hostile corpus: broken and malicious files of every kind an intake pipeline meets, generated in code
/// (the large ones at test time, never committed). <c>manifest.json</c> beside this folder says what each must yield.
/// </summary>
internal static class HostileCorpus
{
    /// <summary>The submitter every corpus file is validated for, unless its manifest entry names another.</summary>
    public const string DefaultSubmitter = "520300";

    /// <summary>The period every corpus file is validated for.</summary>
    public static readonly YearMonth Period = new(2024, 6);

    /// <summary>The month the corpus is validated in, fixed so that the outcome never depends on the clock.</summary>
    public static readonly YearMonth CurrentMonth = new(2026, 11);

    /// <summary>Every file, by category.</summary>
    public static IReadOnlyList<HostileFile> All { get; } =
    [
        .. ZipCorpus.Files(), .. XmlCorpus.Files(), .. XmlCorpus.PackageFiles(), .. CellCorpus.Files(), .. FakeFileCorpus.Files(), .. CsvCorpus.Files(),
        .. JsonCorpus.Files(), .. NumberCorpus.Files(), .. InjectionCorpus.Files(), .. ConfusableCorpus.Files(),
    ];

    /// <summary>The file named <paramref name="name"/>.</summary>
    public static HostileFile Find(string name) => All.Single(f => f.Name == name);
}
