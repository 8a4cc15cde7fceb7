namespace IntakePipeline.Core;

/// <summary>
/// The submitters: the 9 prefectures (市州) by their GB/T 2260 codes, and the provincial statistics office (520000),
/// which reports the province-only indicators. A submitter's code is also the suffix of its containers.
/// </summary>
public static class Submitters
{
    /// <summary>The province's code. It is both a submitter and the scope of provincial targets.</summary>
    public const string Province = "520000";

    /// <summary>The 9 prefectures in GB/T 2260 order, with the short Chinese names used in messages.</summary>
    public static IReadOnlyList<Submitter> Prefectures { get; } =
    [
        new("520100", "贵阳市"),
        new("520200", "六盘水市"),
        new("520300", "遵义市"),
        new("520400", "安顺市"),
        new("520500", "毕节市"),
        new("520600", "铜仁市"),
        new("522300", "黔西南州"),
        new("522600", "黔东南州"),
        new("522700", "黔南州"),
    ];

    /// <summary>Every submitter: the 9 prefectures and then the province.</summary>
    public static IReadOnlyList<Submitter> All { get; } = [.. Prefectures, new(Province, "贵州省")];

    /// <summary>Finds a submitter by its code, or returns null.</summary>
    public static Submitter? Find(string code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>True when <paramref name="code"/> is one of the 9 prefectures.</summary>
    public static bool IsPrefecture(string code) => Prefectures.Any(p => p.Code == code);
}
