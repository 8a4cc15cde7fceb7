using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests.Internals;

/// <summary>Service SAS against Azurite with its account key, exercised with plain HTTP requests as a browser or AzCopy sends them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobSasIssuerTests(AzuriteServer azurite)
{
    private static readonly HttpClient _http = new();

    [Fact]
    public async Task IssueForContainerAsync_UploadAccess_CreatesWritesAndListsButCannotReadOrDelete()
    {
        var factory = TestStorage.Factory(azurite);
        var container = TestStorage.ContainerName("sas");
        await factory.CreateBlobStore().CreateContainerIfNotExistsAsync(container);

        var sas = await factory.CreateSasIssuer().IssueForContainerAsync(
            container, BlobSasAccess.Create | BlobSasAccess.Write | BlobSasAccess.Add | BlobSasAccess.List, TimeSpan.FromHours(1));

        Assert.Equal(BlobSasKind.Service, sas.Kind);
        Assert.Equal(HttpStatusCode.Created, (await PutBlobAsync(sas.Uri, "2024-06/遵义-6月.csv", "指标代码,数值\r\n")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(WithQuery(sas.Uri, "restype=container&comp=list"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(BlobUri(sas.Uri, "2024-06/遵义-6月.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.DeleteAsync(BlobUri(sas.Uri, "2024-06/遵义-6月.csv"))).StatusCode);
        Assert.NotNull(await factory.CreateBlobStore().GetPropertiesAsync(container, "2024-06/遵义-6月.csv"));
    }

    [Fact]
    public async Task IssueForContainerAsync_AnotherContainerWithTheSameSignature_IsRefused()
    {
        var factory = TestStorage.Factory(azurite);
        var own = TestStorage.ContainerName("sas");
        var other = TestStorage.ContainerName("sas");
        var blobs = factory.CreateBlobStore();
        await blobs.CreateContainerIfNotExistsAsync(own);
        await blobs.CreateContainerIfNotExistsAsync(other);
        var sas = await factory.CreateSasIssuer().IssueForContainerAsync(own, BlobSasAccess.Create | BlobSasAccess.Write | BlobSasAccess.List, TimeSpan.FromHours(1));

        var elsewhere = new UriBuilder(sas.Uri) { Path = sas.Uri.AbsolutePath.Replace(own, other, StringComparison.Ordinal) }.Uri;

        Assert.Equal(HttpStatusCode.Forbidden, (await PutBlobAsync(elsewhere, "2024-06/x.csv", "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(WithQuery(elsewhere, "restype=container&comp=list"))).StatusCode);
        Assert.Null(await blobs.GetPropertiesAsync(other, "2024-06/x.csv"));
    }

    [Fact]
    public async Task IssueForBlobReadAsync_TheBlob_OpensWithItsContentTypeAndNothingElseDoes()
    {
        var factory = TestStorage.Factory(azurite);
        var container = TestStorage.ContainerName("sas");
        var blobs = factory.CreateBlobStore();
        await blobs.CreateContainerIfNotExistsAsync(container);
        await blobs.PutAsync(container, "2024-06/遵义 6月.csv.report.html", Encoding.UTF8.GetBytes("<p>报告</p>"), new BlobPutOptions { ContentType = "text/html; charset=utf-8" });
        await blobs.PutAsync(container, "2024-06/other.report.html", Encoding.UTF8.GetBytes("<p>别人的</p>"));

        var sas = await factory.CreateSasIssuer().IssueForBlobReadAsync(container, "2024-06/遵义 6月.csv.report.html", TimeSpan.FromDays(7));

        using var response = await _http.GetAsync(sas.Uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<p>报告</p>", await response.Content.ReadAsStringAsync());
        Assert.InRange(sas.ExpiresOn, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(7));
        var sibling = new UriBuilder(sas.Uri) { Path = sas.Uri.AbsolutePath[..(sas.Uri.AbsolutePath.LastIndexOf('/') + 1)] + "other.report.html" }.Uri;
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(sibling)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.DeleteAsync(sas.Uri)).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task IssueForBlobReadAsync_LifetimeNotPositive_Throws(int seconds)
    {
        var issuer = TestStorage.Factory(azurite).CreateSasIssuer();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => issuer.IssueForBlobReadAsync("c", "b", TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task IssueForContainerAsync_NoAccess_Throws()
    {
        var issuer = TestStorage.Factory(azurite).CreateSasIssuer();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => issuer.IssueForContainerAsync("c", BlobSasAccess.None, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task IssueForContainerAsync_ConnectionWithASas_ThrowsUnavailable()
    {
        var connection = StorageConnection.Parse($"BlobEndpoint={azurite.BlobEndpoint};QueueEndpoint={azurite.QueueEndpoint};TableEndpoint={azurite.TableEndpoint};SharedAccessSignature=sv=2024-08-04&sig=abc");
        var issuer = new StorageClientFactory(connection).CreateSasIssuer();

        Assert.Equal(BlobSasKind.Service, issuer.Kind);
        await Assert.ThrowsAsync<BlobSasUnavailableException>(() => issuer.IssueForContainerAsync("c", BlobSasAccess.List, TimeSpan.FromHours(1)));
    }

    private static Task<HttpResponseMessage> PutBlobAsync(Uri containerSas, string name, string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var request = new HttpRequestMessage(HttpMethod.Put, BlobUri(containerSas, name)) { Content = content };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return _http.SendAsync(request);
    }

    /// <summary>A blob's URL under a container SAS URL, with the same query.</summary>
    internal static Uri BlobUri(Uri containerSas, string name) =>
        new UriBuilder(containerSas) { Path = containerSas.AbsolutePath + "/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString)) }.Uri;

    internal static Uri WithQuery(Uri sas, string extra) => new UriBuilder(sas) { Query = sas.Query.TrimStart('?') + "&" + extra }.Uri;
}
