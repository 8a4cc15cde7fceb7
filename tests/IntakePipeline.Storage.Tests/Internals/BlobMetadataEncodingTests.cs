using IntakePipeline.Storage.Internals;

namespace IntakePipeline.Storage.Tests.Internals;

public sealed class BlobMetadataEncodingTests
{
    [Theory]
    [InlineData("520300", "520300")]
    [InlineData("plain ascii: ok", "plain ascii: ok")]
    [InlineData("遵义市", "%E9%81%B5%E4%B9%89%E5%B8%82")]
    [InlineData("50%", "50%25")]
    [InlineData(" padded ", "%20padded%20")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Encode_Value_PercentEncodesOnlyWhenNeeded(string value, string expected)
    {
        var encoded = BlobMetadataEncoding.Encode(new Dictionary<string, string> { ["note"] = value });

        Assert.Equal(expected, encoded["note"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("520300")]
    [InlineData("遵义-6月.csv 上传人：张三")]
    [InlineData("100% 完成")]
    [InlineData("%E9 looks encoded")]
    [InlineData("  ")]
    [InlineData("emoji 🏙️")]
    public void Decode_EncodedValue_RoundTrips(string value)
    {
        var encoded = BlobMetadataEncoding.Encode(new Dictionary<string, string> { ["v"] = value });

        var decoded = BlobMetadataEncoding.Decode(encoded);

        Assert.Equal(value, decoded["v"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("中文")]
    public void Encode_NameNotAnIdentifier_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => BlobMetadataEncoding.Encode(new Dictionary<string, string> { [name] = "x" }));
    }
}
