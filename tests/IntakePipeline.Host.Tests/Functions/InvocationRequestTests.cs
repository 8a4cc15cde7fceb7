using System.Text.Json;
using IntakePipeline.Host.Functions;

namespace IntakePipeline.Host.Tests.Functions;

public sealed class InvocationRequestTests
{
    [Fact]
    public void GetBinding_ObjectValue_ReturnsIt()
    {
        var request = Parse("""{"Data":{"event":{"id":"1"}},"Metadata":{"sys":{"MethodName":"ProcessSubmission"}}}""");

        var binding = request.GetBinding("event");

        Assert.Equal("1", binding.GetProperty("id").GetString());
        Assert.Equal("ProcessSubmission", request.Metadata!.Value.GetProperty("sys").GetProperty("MethodName").GetString());
    }

    [Fact]
    public void GetBinding_JsonTextInAString_ParsesIt()
    {
        var request = Parse("""{"Data":{"event":"{\"id\":\"2\"}"}}""");

        Assert.Equal("2", request.GetBinding("event").GetProperty("id").GetString());
    }

    [Fact]
    public void GetBinding_PlainString_ReturnsTheString()
    {
        var request = Parse("""{"Data":{"name":"遵义"}}""");

        Assert.Equal("遵义", request.GetBinding("name").GetString());
    }

    [Fact]
    public void GetBinding_DifferentCase_Matches()
    {
        var request = Parse("""{"data":{"Event":{"id":"3"}}}""");

        Assert.Equal("3", request.GetBinding("event").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"Data":{}}""", "Data 为空")]
    [InlineData("""{"Data":{"timer":{},"blob":{}}}""", "Data 中只有：timer、blob")]
    [InlineData("""{"Data":{"event":null}}""", "Data 中只有：event")]
    public void GetBinding_Missing_ThrowsWithTheBindingsPresent(string json, string expected)
    {
        var request = Parse(json);

        var error = Assert.Throws<InvocationPayloadException>(() => request.GetBinding("event"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("""{"Metadata":{}}""")]
    [InlineData("""{"Data":[]}""")]
    public void Parse_NoDataObject_Throws(string json)
    {
        Assert.Throws<InvocationPayloadException>(() => Parse(json));
    }

    private static InvocationRequest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return InvocationRequest.Parse(document.RootElement);
    }
}
