using System.Web;
using Azure.Core.Pipeline;

namespace IntakePipeline.Storage.Tests.Internals;

/// <summary>
/// User delegation SAS, with the key issued for an Entra token by Azurite over HTTPS with <c>--oauth basic</c>.
/// </summary>
/// <remarks>
/// Azurite 3.35 verifies user delegation signatures only up to service version 2025-07-05, and Azure.Storage.Blobs
/// 12.29 signs them as 2026-10-06 (two more fields), so these tests check the key exchange and what the SAS grants,
/// not a request made with it. The service SAS tests make the requests.
/// </remarks>
public sealed class AzureBlobSasIssuerUserDelegationTests(OAuthAzurite azurite) : IClassFixture<OAuthAzurite>
{
    [Fact]
    public async Task IssueForContainerAsync_TokenCredential_UserDelegationSasWithTheKeysFieldsAndNoDelete()
    {
        var issuer = Factory().CreateSasIssuer();

        var sas = await issuer.IssueForContainerAsync("intake-520300", BlobSasAccess.Create | BlobSasAccess.Write | BlobSasAccess.Add | BlobSasAccess.List, TimeSpan.FromDays(7));

        Assert.Equal(BlobSasKind.UserDelegation, issuer.Kind);
        Assert.Equal(TimeSpan.FromDays(7), issuer.MaxLifetime);
        Assert.Equal(BlobSasKind.UserDelegation, sas.Kind);
        var query = HttpUtility.ParseQueryString(sas.Uri.Query);
        Assert.Equal("00000000-0000-0000-0000-0000000000aa", query["skoid"]);
        Assert.Equal("c", query["sr"]);
        Assert.Equal("acwl", query["sp"]);
        Assert.Equal("https", query["spr"]);
        Assert.EndsWith("/devstoreaccount1/intake-520300", sas.Uri.AbsolutePath, StringComparison.Ordinal);
        var expires = DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expires <= DateTimeOffset.Parse(query["ske"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expires, sas.ExpiresOn);
        Assert.InRange(sas.ExpiresOn, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(7));
    }

    [Fact]
    public async Task IssueForBlobReadAsync_TwoLinks_ShareOneKeyAndReadOnlyTheirBlob()
    {
        var issuer = Factory().CreateSasIssuer();

        var first = await issuer.IssueForBlobReadAsync("reports-520300", "2024-06/遵义.csv.report.html", TimeSpan.FromDays(7));
        var second = await issuer.IssueForBlobReadAsync("reports-520300", "2024-07/遵义.csv.report.html", TimeSpan.FromDays(7));

        var a = HttpUtility.ParseQueryString(first.Uri.Query);
        var b = HttpUtility.ParseQueryString(second.Uri.Query);
        Assert.Equal(("b", "r"), (a["sr"], a["sp"]));
        Assert.Equal(a["skt"], b["skt"]);
        Assert.EndsWith("/reports-520300/2024-07/%E9%81%B5%E4%B9%89.csv.report.html", second.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueForContainerAsync_MoreThanSevenDays_Throws()
    {
        var issuer = Factory().CreateSasIssuer();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => issuer.IssueForContainerAsync("c", BlobSasAccess.List, TimeSpan.FromDays(8)));
    }

    private StorageClientFactory Factory()
    {
        var connection = StorageConnection.FromServiceUris(azurite.Server.BlobEndpoint, azurite.Server.QueueEndpoint, azurite.Server.TableEndpoint, new UnsignedJwtCredential());
        return new StorageClientFactory(connection, new StorageClientOptions { Transport = new HttpClientTransport(azurite.TrustingHandler()) });
    }
}
