namespace IntakePipeline.Core.Tests;

public class SubmittersTests
{
    [Fact]
    public void Prefectures_Embedded_AreTheNineInGbT2260Order()
    {
        // docs/submitting.md, Where a file goes: the 9 市州 by their GB/T 2260 codes.
        Assert.Equal(
            ["520100", "520200", "520300", "520400", "520500", "520600", "522300", "522600", "522700"],
            Submitters.Prefectures.Select(p => p.Code));
    }

    [Fact]
    public void All_Embedded_IsThePrefecturesThenTheProvince()
    {
        Assert.Equal([.. Submitters.Prefectures, Submitters.Find(Submitters.Province)!], Submitters.All);
        Assert.Equal(10, Submitters.All.Count);
    }

    [Theory]
    [InlineData("520100", "贵阳市", "贵阳")]
    [InlineData("520300", "遵义市", "遵义")]
    [InlineData("522600", "黔东南州", "黔东南")]
    [InlineData("520000", "贵州省", "贵州")]
    public void Find_KnownCode_ReturnsNames(string code, string name, string shortName)
    {
        Assert.Equal(new Submitter(code, name, shortName), Submitters.Find(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("520301")]
    [InlineData("intake-520300")]
    public void Find_UnknownCode_ReturnsNull(string code)
    {
        Assert.Null(Submitters.Find(code));
    }

    [Theory]
    [InlineData("520100", true)]
    [InlineData("522700", true)]
    [InlineData(Submitters.Province, false)]
    [InlineData("520301", false)]
    public void IsPrefecture_Code_TellsPrefectures(string code, bool expected)
    {
        Assert.Equal(expected, Submitters.IsPrefecture(code));
    }

    [Fact]
    public void All_ShortNames_ArePrefixesOfTheNames()
    {
        Assert.All(Submitters.All, s => Assert.StartsWith(s.ShortName, s.Name, StringComparison.Ordinal));
        Assert.All(Submitters.All, s => Assert.True(s.ShortName.Length < s.Name.Length, s.Code));
    }

    [Fact]
    public void Embedded_IsTheRepositorysSeedsFile()
    {
        var seeds = Path.Combine(Path.GetDirectoryName(Plan.RepositoryFolder.SeedsPlan)!, "submitters.json");
        using var embedded = typeof(Submitters).Assembly.GetManifestResourceStream(Submitters.ResourceName)!;
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);

        Assert.Equal(File.ReadAllBytes(seeds), copy.ToArray());
    }
}
