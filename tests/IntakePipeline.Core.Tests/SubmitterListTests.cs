using System.Text;

namespace IntakePipeline.Core.Tests;

public class SubmitterListTests
{
    private const string Province = """{ "code": "520000", "name": "贵州省", "shortName": "贵州", "kind": "province" }""";

    [Fact]
    public void Parse_PrefecturesAndProvince_KeepsFileOrderWithProvinceLast()
    {
        var list = Parse(
            Province,
            """{ "code": "520300", "name": "遵义市", "shortName": "遵义", "kind": "prefecture" }""",
            """{ "code": "520100", "name": "贵阳市", "shortName": "贵阳", "kind": "prefecture" }""");

        Assert.Equal(["520300", "520100"], list.Prefectures.Select(p => p.Code));
        Assert.Equal(["520300", "520100", "520000"], list.All.Select(p => p.Code));
    }

    [Theory]
    [InlineData("""{ "code": "52030", "name": "遵义市", "shortName": "遵义", "kind": "prefecture" }""", "six-digit")]
    [InlineData("""{ "code": "52030x", "name": "遵义市", "shortName": "遵义", "kind": "prefecture" }""", "six-digit")]
    [InlineData("""{ "code": "520300", "shortName": "遵义", "kind": "prefecture" }""", "submitters[1].name")]
    [InlineData("""{ "code": "520300", "name": " ", "shortName": "遵义", "kind": "prefecture" }""", "submitters[1].name")]
    [InlineData("""{ "code": "520300", "name": "遵义市", "kind": "prefecture" }""", "submitters[1].shortName")]
    [InlineData("""{ "code": "520300", "name": "遵义市", "shortName": "遵义", "kind": "county" }""", "'county'")]
    [InlineData("""{ "code": "520300", "name": "遵义市", "shortName": "遵义" }""", "submitters[1].kind")]
    [InlineData("""{ "code": 520300, "name": "遵义市", "shortName": "遵义", "kind": "prefecture" }""", "submitters[1].code")]
    [InlineData("""{ "code": "520000", "name": "遵义市", "shortName": "遵义", "kind": "prefecture" }""", "listed twice")]
    [InlineData("""{ "code": "520100", "name": "贵州省", "shortName": "贵州", "kind": "province" }""", "one province")]
    [InlineData("\"520300\"", "submitters[1].code")]
    public void Parse_MalformedEntry_ThrowsNamingIt(string entry, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(Province, entry));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "'submitters' array")]
    [InlineData("""{ "submitters": {} }""", "'submitters' array")]
    [InlineData("""{ "submitters": [] }""", "no entry of kind 'province'")]
    public void Parse_MalformedFile_Throws(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => SubmitterList.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static SubmitterList Parse(params string[] entries) =>
        SubmitterList.Parse(new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "submitters": [{{string.Join(",", entries)}}] }""")));
}
