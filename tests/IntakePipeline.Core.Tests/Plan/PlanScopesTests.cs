using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanScopesTests
{
    [Theory]
    [InlineData("520000", "贵州省", false)]
    [InlineData("520300", "遵义市", false)]
    [InlineData("Q01", "遵义都市圈", true)]
    [InlineData("Q02", "贵阳“外环高速公路”城市经济圈", true)]
    public void Name_KnownScope_IsTheChineseName(string code, string name, bool region)
    {
        Assert.Equal(name, PlanScopes.Name(code));
        Assert.True(PlanScopes.IsKnown(code));
        Assert.Equal(region, PlanScopes.IsRegion(code));
        Assert.Equal($"{name}（{code}）", PlanScopes.Describe(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Q99")]
    [InlineData("q01")]
    [InlineData("Q01 ")]
    [InlineData("520900")]
    public void Name_UnknownScope_IsNullAndDescribedByCode(string code)
    {
        Assert.Null(PlanScopes.Name(code));
        Assert.False(PlanScopes.IsKnown(code));
        Assert.False(PlanScopes.IsRegion(code));
        Assert.Equal(code, PlanScopes.Describe(code));
    }

    [Fact]
    public void Regions_AreNeverSubmittersNorAdministrativeCodes()
    {
        Assert.All(PlanScopes.Regions, region =>
        {
            Assert.Matches(@"^Q\d{2}$", region.Code);
            Assert.Null(Submitters.Find(region.Code));
            Assert.False(Submitters.IsPrefecture(region.Code));
        });
        Assert.Equal(PlanScopes.Regions.Count, PlanScopes.Regions.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void SeedsReadme_DocumentsEveryRegion()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolder.SeedsPlan, "README.md"));
        Assert.All(PlanScopes.Regions, region => Assert.Contains($"| `{region.Code}` | {region.Name} |", readme, StringComparison.Ordinal));
    }
}
