namespace IntakePipeline.Core;

/// <summary>
/// The submitters: the 9 prefectures (市州) by their GB/T 2260 codes, and the provincial statistics office (520000),
/// which reports the province-only indicators. A submitter's code is also the suffix of its containers. The list is
/// <c>seeds/submitters.json</c>, embedded in this assembly; the infrastructure template reads the same file, so the
/// list is written down once.
/// </summary>
public static class Submitters
{
    /// <summary>The province's code. It is both a submitter and the scope of provincial targets.</summary>
    public const string Province = "520000";

    /// <summary>The name of the embedded resource that holds <c>seeds/submitters.json</c>.</summary>
    internal const string ResourceName = "submitters.json";

    private static readonly SubmitterList _list = LoadEmbedded();

    /// <summary>The 9 prefectures in GB/T 2260 order.</summary>
    public static IReadOnlyList<Submitter> Prefectures => _list.Prefectures;

    /// <summary>Every submitter: the 9 prefectures and then the province.</summary>
    public static IReadOnlyList<Submitter> All => _list.All;

    /// <summary>Finds a submitter by its code, or returns null.</summary>
    public static Submitter? Find(string code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>True when <paramref name="code"/> is one of the 9 prefectures.</summary>
    public static bool IsPrefecture(string code) => Prefectures.Any(p => p.Code == code);

    private static SubmitterList LoadEmbedded()
    {
        using var stream = typeof(Submitters).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException($"The resource '{ResourceName}' is not embedded in {typeof(Submitters).Assembly.GetName().Name}.");
        return SubmitterList.Parse(stream);
    }
}
