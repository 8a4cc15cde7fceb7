using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace IntakePipeline.Storage.Tests;

public sealed class StorageConnectionTests
{
    private const string ShortKey = "c2hvcnQta2V5LWZvci10ZXN0cw==";

    [Theory]
    [InlineData(
        "UseDevelopmentStorage=true",
        "http://127.0.0.1:10000/devstoreaccount1",
        "http://127.0.0.1:10002/devstoreaccount1",
        "devstoreaccount1")]
    [InlineData(
        "UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite.local",
        "http://azurite.local:10000/devstoreaccount1",
        "http://azurite.local:10002/devstoreaccount1",
        "devstoreaccount1")]
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=gzintake;AccountKey=" + ShortKey + ";EndpointSuffix=core.chinacloudapi.cn",
        "https://gzintake.blob.core.chinacloudapi.cn/",
        "https://gzintake.table.core.chinacloudapi.cn/",
        "gzintake")]
    [InlineData(
        "AccountName=gzintake;AccountKey=" + ShortKey,
        "https://gzintake.blob.core.windows.net/",
        "https://gzintake.table.core.windows.net/",
        "gzintake")]
    [InlineData(
        "defaultendpointsprotocol=http;accountname=gzintake;accountkey=" + ShortKey + ";endpointsuffix=example.test",
        "http://gzintake.blob.example.test/",
        "http://gzintake.table.example.test/",
        "gzintake")]
    [InlineData(
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + ShortKey
            + ";BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1;"
            + "TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;",
        "http://127.0.0.1:41000/devstoreaccount1",
        "http://127.0.0.1:41002/devstoreaccount1",
        "devstoreaccount1")]
    [InlineData(
        "AccountName=gzintake;AccountKey=" + ShortKey + ";EndpointSuffix=core.chinacloudapi.cn;BlobEndpoint=https://blob.example.cn/",
        "https://blob.example.cn/",
        "https://gzintake.table.core.chinacloudapi.cn/",
        "gzintake")]
    public void Parse_SharedKeyConnectionString_DerivesEndpoints(string connectionString, string blob, string table, string account)
    {
        var connection = StorageConnection.Parse(connectionString);

        Assert.Equal(new Uri(blob), connection.BlobServiceUri);
        Assert.Equal(new Uri(table), connection.TableServiceUri);
        Assert.Equal(account, connection.AccountName);
        Assert.Equal(StorageAuthentication.SharedKey, connection.Authentication);
    }

    [Fact]
    public void Parse_DevelopmentStorage_UsesTheWellKnownAccount()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.True(connection.IsDevelopmentStorage);
        Assert.Equal(StorageConnection.DevelopmentAccountKey, connection.AccountKey);
    }

    [Fact]
    public void Parse_SharedAccessSignature_UsesSasAuthentication()
    {
        var connection = StorageConnection.Parse(
            "BlobEndpoint=https://gz.blob.core.chinacloudapi.cn/;TableEndpoint=https://gz.table.core.chinacloudapi.cn/;"
            + "SharedAccessSignature=sv=2024-08-04&ss=bt&sig=c2VjcmV0c2lnbmF0dXJl%3D");

        Assert.Equal(StorageAuthentication.SharedAccessSignature, connection.Authentication);
        Assert.Equal("sv=2024-08-04&ss=bt&sig=c2VjcmV0c2lnbmF0dXJl%3D", connection.SharedAccessSignature);
        Assert.Equal(new Uri("https://storage.azure.cn"), connection.TokenAudience);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";;")]
    [InlineData("AccountName=gz")]
    [InlineData("AccountKey=" + ShortKey)]
    [InlineData("AccountName=gz;AccountKey=not base64!")]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=gz;AccountKey=" + ShortKey)]
    [InlineData("AccountName=gz;AccountKey=" + ShortKey + ";BlobEndpoint=not a uri")]
    [InlineData("justtext")]
    [InlineData("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=::")]
    public void Parse_MalformedConnectionString_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));
    }

    [Fact]
    public void Parse_BadKey_MessageDoesNotLeakTheKey()
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse("AccountName=gz;AccountKey=SECRETSECRET!"));

        Assert.DoesNotContain("SECRETSECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SharedKey_RedactsTheKey()
    {
        var connection = StorageConnection.Parse("AccountName=gzintake;AccountKey=" + ShortKey);

        var text = connection.ToString();

        Assert.DoesNotContain(ShortKey, text, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", text, StringComparison.Ordinal);
        Assert.Contains("https://gzintake.blob.core.windows.net/", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=gz;AccountKey=" + ShortKey + ";EndpointSuffix=core.chinacloudapi.cn",
        "DefaultEndpointsProtocol=https;AccountName=gz;AccountKey=***;EndpointSuffix=core.chinacloudapi.cn")]
    [InlineData(
        "BlobEndpoint=https://gz.blob.core.windows.net/;SharedAccessSignature=sv=2024-08-04&sig=abc%3D",
        "BlobEndpoint=https://gz.blob.core.windows.net/;SharedAccessSignature=***")]
    [InlineData(
        "https://gz.blob.core.windows.net/c/b.csv?sv=2024-08-04&sig=abc%3D&se=2025",
        "https://gz.blob.core.windows.net/c/b.csv?sv=2024-08-04&sig=***&se=2025")]
    [InlineData("UseDevelopmentStorage=true", "UseDevelopmentStorage=true")]
    public void Redact_ConnectionString_HidesSecrets(string input, string expected)
    {
        Assert.Equal(expected, StorageConnection.Redact(input));
    }

    [Fact]
    public void FromConfiguration_ConnectionString_IsParsed()
    {
        var configuration = Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.True(connection.IsDevelopmentStorage);
    }

    [Fact]
    public void FromConfiguration_ConnectionStringsSection_IsParsed()
    {
        var configuration = Configuration(("ConnectionStrings:AzureWebJobsStorage", "UseDevelopmentStorage=true"));

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.True(connection.IsDevelopmentStorage);
    }

    [Theory]
    [InlineData(
        "https://gzintake.blob.core.chinacloudapi.cn",
        "https://gzintake.table.core.chinacloudapi.cn",
        "https://gzintake.blob.core.chinacloudapi.cn/",
        "https://gzintake.table.core.chinacloudapi.cn/",
        "https://storage.azure.cn/")]
    [InlineData(
        "https://gzintake.blob.core.chinacloudapi.cn",
        null,
        "https://gzintake.blob.core.chinacloudapi.cn/",
        "https://gzintake.table.core.chinacloudapi.cn/",
        "https://storage.azure.cn/")]
    [InlineData(
        null,
        "https://gzintake.table.core.windows.net/",
        "https://gzintake.blob.core.windows.net/",
        "https://gzintake.table.core.windows.net/",
        "https://storage.azure.com/")]
    [InlineData(
        "https://127.0.0.1:41000/devstoreaccount1",
        "https://127.0.0.1:41002/devstoreaccount1",
        "https://127.0.0.1:41000/devstoreaccount1",
        "https://127.0.0.1:41002/devstoreaccount1",
        "https://storage.azure.com/",
        "https://127.0.0.1:41001/devstoreaccount1")]
    public void FromConfiguration_IdentityBasedUris_UseTokenAuthentication(
        string? blobSetting,
        string? tableSetting,
        string blob,
        string table,
        string audience,
        string? queueSetting = null)
    {
        // Environment variables AzureWebJobsStorage__blobServiceUri arrive in configuration as AzureWebJobsStorage:blobServiceUri.
        var configuration = Configuration(
            ("AzureWebJobsStorage:blobServiceUri", blobSetting),
            ("AzureWebJobsStorage:queueServiceUri", queueSetting),
            ("AzureWebJobsStorage:tableServiceUri", tableSetting));

        var connection = StorageConnection.FromConfiguration(configuration, credential: new FixedCredential());

        Assert.Equal(StorageAuthentication.Token, connection.Authentication);
        Assert.Equal(new Uri(blob), connection.BlobServiceUri);
        Assert.Equal(new Uri(table), connection.TableServiceUri);
        Assert.Equal(new Uri(audience), connection.TokenAudience);
        Assert.Contains("Authentication=Token", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_OnlyBlobServiceUri_DerivesTheQueueAndTableEndpoints()
    {
        var configuration = Configuration(("AzureWebJobsStorage:blobServiceUri", "https://gz.blob.core.chinacloudapi.cn/"));

        var connection = StorageConnection.FromConfiguration(configuration, credential: new FixedCredential());

        Assert.Equal(new Uri("https://gz.queue.core.chinacloudapi.cn/"), connection.QueueServiceUri);
        Assert.Equal(new Uri("https://gz.table.core.chinacloudapi.cn/"), connection.TableServiceUri);
    }

    [Fact]
    public void FromConfiguration_CredentialManagedIdentity_UsesOnlyTheManagedIdentity()
    {
        var configuration = Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://gz.blob.core.chinacloudapi.cn/"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
    }

    [Fact]
    public void Parse_DevelopmentStorage_HasAzuritesQueuePort()
    {
        Assert.Equal(10001, StorageConnection.Parse("UseDevelopmentStorage=true").QueueServiceUri.Port);
    }

    [Theory]
    [InlineData("AzureChina", "https://gz.blob.core.windows.net", "https://login.chinacloudapi.cn/")]
    [InlineData("azurechina", "https://gz.blob.core.windows.net", "https://login.chinacloudapi.cn/")]
    [InlineData("AzurePublicCloud", "https://gz.blob.core.chinacloudapi.cn", "https://login.microsoftonline.com/")]
    [InlineData("https://login.partner.example/", "https://gz.blob.core.chinacloudapi.cn", "https://login.partner.example/")]
    [InlineData(null, "https://gz.blob.core.chinacloudapi.cn", "https://login.chinacloudapi.cn/")]
    [InlineData(null, "https://gz.blob.core.windows.net", "https://login.microsoftonline.com/")]
    [InlineData(null, "https://gz.blob.core.usgovcloudapi.net", "https://login.microsoftonline.us/")]
    public void AuthorityHostFor_SettingOrEndpoint_PicksTheCloud(string? setting, string blob, string expected)
    {
        var section = Configuration(("AzureWebJobsStorage:authorityHost", setting)).GetSection("AzureWebJobsStorage");

        var authority = StorageConnection.AuthorityHostFor(section, new Uri(blob), "AzureWebJobsStorage");

        Assert.Equal(new Uri(expected), authority);
    }

    [Fact]
    public void FromConfiguration_IdentityWithoutCredential_BuildsADefaultAzureCredential()
    {
        var configuration = Configuration(
            ("AzureWebJobsStorage:blobServiceUri", "https://gzintake.blob.core.chinacloudapi.cn"),
            ("AzureWebJobsStorage:authorityHost", "AzureChina"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var connection = StorageConnection.FromConfiguration(configuration);

        Assert.IsType<DefaultAzureCredential>(connection.Credential);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage:authorityHost", "Mars")]
    [InlineData("AzureWebJobsStorage:blobServiceUri", "not a uri")]
    public void FromConfiguration_MalformedIdentitySetting_ThrowsInvalidOperation(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("AzureWebJobsStorage:blobServiceUri", "https://gzintake.blob.core.chinacloudapi.cn")])
            .AddInMemoryCollection([new(key, value)])
            .Build();

        Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(configuration));
    }

    [Fact]
    public void FromConfiguration_NothingConfigured_ThrowsInvalidOperationNamingTheSettings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Configuration()));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_MalformedConnectionString_ThrowsInvalidOperationWithoutTheKey()
    {
        var configuration = Configuration(("AzureWebJobsStorage", "AccountKey=TOPSECRET"));

        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(configuration));

        Assert.DoesNotContain("TOPSECRET", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    private sealed class FixedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
