namespace IntakePipeline.Core.Plan;

/// <summary>
/// The scopes a target point may have: the province (520000), one of the 9 prefectures (<see cref="Submitters"/>), or a
/// <see cref="PlanRegion"/>. Region codes are <c>Q</c> and two digits, so they can never be taken for a GB/T 2260 code,
/// and they are not in <see cref="Submitters"/>: nobody submits a region's figures.
/// </summary>
public static class PlanScopes
{
    /// <summary>
    /// The regions, in order of first appearance in the plan. Their members are listed in <c>seeds/plan/README.md</c>
    /// (黔发改城镇〔2022〕22号 专栏2 and 第三章第二节). A published code never changes meaning.
    /// </summary>
    public static IReadOnlyList<PlanRegion> Regions { get; } =
    [
        new("Q01", "遵义都市圈"),
        new("Q02", "贵阳“外环高速公路”城市经济圈"),
    ];

    /// <summary>True when <paramref name="code"/> is the province, a prefecture or a region.</summary>
    public static bool IsKnown(string code) => Name(code) is not null;

    /// <summary>True when <paramref name="code"/> is one of <see cref="Regions"/>.</summary>
    public static bool IsRegion(string code) => FindRegion(code) is not null;

    /// <summary>The Chinese name of a scope (贵州省, 遵义市, 遵义都市圈), or null for an unknown code.</summary>
    public static string? Name(string code) => Submitters.Find(code)?.Name ?? FindRegion(code)?.Name;

    /// <summary>The scope as messages show it, <c>名称（代码）</c>, e.g. 遵义都市圈（Q01）; the bare code when unknown.</summary>
    public static string Describe(string code) => Name(code) is { } name ? $"{name}（{code}）" : code;

    private static PlanRegion? FindRegion(string code)
    {
        foreach (var region in Regions)
        {
            if (string.Equals(region.Code, code, StringComparison.Ordinal))
            {
                return region;
            }
        }

        return null;
    }
}
