using System.Text.Json;
using IntakePipeline.Host.Functions;

namespace IntakePipeline.Host.Tests.Functions;

public sealed class BlobCreatedEventTests
{
    [Fact]
    public void Parse_EventGridSchemaWithEncodedChineseUrl_DecodesName()
    {
        var json = InvocationPayloads.EventGridBlobCreated("intake-520300", "2024-06/遵义-6月.csv", "0x8DC9B2C7E1F4A21");

        var parsed = BlobCreatedEvent.Parse(JsonSerializer.SerializeToElement(json));

        Assert.True(parsed.IsBlobCreated);
        Assert.Equal("intake-520300", parsed.Blob.Container);
        Assert.Equal("2024-06/遵义-6月.csv", parsed.Blob.Name);
        Assert.Equal("0x8DC9B2C7E1F4A21", parsed.Blob.ETag);
        Assert.Equal("831e1650-001e-001b-66ab-eeb76e069631", parsed.Id);
    }

    [Fact]
    public void Parse_CloudEventsSchema_ReadsTypeAndBlob()
    {
        var json = InvocationPayloads.CloudEventBlobCreated("intake-522600", "2024-06/黔东南州 6月.xlsx", "0x8DC9B2C7E1F4A22");

        var parsed = BlobCreatedEvent.Parse(JsonSerializer.SerializeToElement(json));

        Assert.True(parsed.IsBlobCreated);
        Assert.Equal(new Pipeline.BlobVersion("intake-522600", "2024-06/黔东南州 6月.xlsx", "0x8DC9B2C7E1F4A22"), parsed.Blob);
    }

    [Theory]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/intake-520100/2024-06/%E8%B4%B5%E9%98%B3.csv", null, "intake-520100", "2024-06/贵阳.csv")]
    [InlineData("https://gzintake.blob.core.chinacloudapi.cn/intake-520100/2024-06/%E8%B4%B5%E9%98%B3.csv", null, "intake-520100", "2024-06/贵阳.csv")]
    [InlineData("https://gzintake.blob.core.chinacloudapi.cn/intake-520100/2024-06/贵阳 a+b.csv", "/blobServices/default/containers/intake-520100/blobs/2024-06/贵阳 a+b.csv", "intake-520100", "2024-06/贵阳 a+b.csv")]
    [InlineData(null, "/blobServices/default/containers/intake-520100/blobs/2024-06/%E8%B4%B5%E9%98%B3.csv", "intake-520100", "2024-06/贵阳.csv")]
    [InlineData(null, "blobServices/default/containers/intake-520100/blobs/2024-06/贵阳.csv", "intake-520100", "2024-06/贵阳.csv")]
    public void Parse_UrlAndSubjectForms_GiveContainerAndDecodedName(string? url, string? subject, string container, string name)
    {
        var json = "{\"id\":\"e1\",\"eventType\":\"Microsoft.Storage.BlobCreated\",\"subject\":" + JsonSerializer.Serialize(subject)
            + ",\"data\":{\"eTag\":\"0x1\",\"url\":" + JsonSerializer.Serialize(url) + "}}";

        var parsed = BlobCreatedEvent.Parse(JsonDocument.Parse(json).RootElement);

        Assert.Equal(container, parsed.Blob.Container);
        Assert.Equal(name, parsed.Blob.Name);
    }

    [Fact]
    public void Parse_ArrayOfOneEvent_ReadsTheEvent()
    {
        var json = new System.Text.Json.Nodes.JsonArray(InvocationPayloads.EventGridBlobCreated("intake-520000", "2024-06/省统计局.csv", "0x2"));

        var parsed = BlobCreatedEvent.Parse(JsonSerializer.SerializeToElement(json));

        Assert.Equal("intake-520000", parsed.Blob.Container);
    }

    [Fact]
    public void Parse_BlobDeleted_IsNotBlobCreated()
    {
        var json = InvocationPayloads.EventGridBlobCreated("intake-520300", "2024-06/a.csv", "0x3", "Microsoft.Storage.BlobDeleted");

        var parsed = BlobCreatedEvent.Parse(JsonSerializer.SerializeToElement(json));

        Assert.False(parsed.IsBlobCreated);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("[]")]
    [InlineData("""[{"eventType":"x","data":{}},{"eventType":"x","data":{}}]""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobCreated","data":{"eTag":"0x1","url":"https://a.blob.core.windows.net/"}}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/intake-520300/blobs/a.csv","data":{"eTag":"0x1","url":"https://a.blob.core.windows.net/other/a.csv"}}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobCreated","subject":"/something/else","data":{"eTag":"0x1"}}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobCreated","data":{"eTag":"  ","url":"https://a.blob.core.windows.net/intake-520300/a.csv"}}""")]
    public void Parse_Malformed_ThrowsPayloadException(string json)
    {
        Assert.Throws<InvocationPayloadException>(() => BlobCreatedEvent.Parse(JsonDocument.Parse(json).RootElement));
    }
}
