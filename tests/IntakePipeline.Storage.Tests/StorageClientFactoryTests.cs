using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace IntakePipeline.Storage.Tests;

public sealed class StorageClientFactoryTests(OAuthAzurite azurite) : IClassFixture<OAuthAzurite>
{
    [Fact]
    public async Task CreateBlobStore_TokenCredentialOverHttps_PutsAndGetsABlob()
    {
        var credential = new UnsignedJwtCredential();
        var store = Factory(credential).CreateBlobStore();
        var container = TestStorage.ContainerName("oauth");

        await store.CreateContainerIfNotExistsAsync(container);
        await store.PutAsync(container, "2024-06/遵义-6月.csv", Encoding.UTF8.GetBytes("指标代码,数值\nU01,62.5\n"));
        var read = await store.GetAsync(container, "2024-06/遵义-6月.csv");

        Assert.Equal("指标代码,数值\nU01,62.5\n", Encoding.UTF8.GetString(read!.Content.Span));
        Assert.Contains("https://storage.azure.com/.default", credential.RequestedScopes);
    }

    [Fact]
    public async Task CreateTableStore_TokenCredentialOverHttps_UpsertsAndGetsAnEntity()
    {
        var credential = new UnsignedJwtCredential();
        var store = Factory(credential).CreateTableStore();
        var table = TestStorage.TableName();

        await store.CreateTableIfNotExistsAsync(table);
        await store.UpsertAsync(table, new TableRow("520300", "U01|2024-06") { ["Value"] = 62.5, ["Unit"] = "%" });
        var row = await store.GetAsync(table, "520300", "U01|2024-06");

        Assert.Equal(62.5, row!.GetDouble("Value"));
        Assert.NotEmpty(credential.RequestedScopes);
        Assert.All(credential.RequestedScopes, scope => Assert.StartsWith("https://storage.azure.com", scope, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateBlobStore_TokenWithWrongAudience_IsRejectedByTheServer()
    {
        var store = Factory(new UnsignedJwtCredential("https://vault.azure.net")).CreateBlobStore();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => store.GetContainerAsync("anything"));

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthenticationFailed", error.ErrorCode);
    }

    [Fact]
    public async Task CreateBlobStore_ServiceKeepsFailing_RetriesMaxRetriesTimes()
    {
        var transport = new AlwaysUnavailableTransport();
        var options = new StorageClientOptions
        {
            MaxRetries = 3,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(2),
            Transport = transport,
        };
        var store = new StorageClientFactory(StorageConnection.Parse("UseDevelopmentStorage=true"), options).CreateBlobStore();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => store.GetContainerAsync("intake-520300"));

        Assert.Equal(503, error.Status);
        Assert.Equal(4, transport.Attempts);
    }

    [Fact]
    public async Task CreateTableStore_ServiceKeepsFailing_RetriesMaxRetriesTimes()
    {
        var transport = new AlwaysUnavailableTransport();
        var options = new StorageClientOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1), Transport = transport };
        var store = new StorageClientFactory(StorageConnection.Parse("UseDevelopmentStorage=true"), options).CreateTableStore();

        await Assert.ThrowsAsync<RequestFailedException>(() => store.GetAsync("Observations", "520300", "U01|2024-06"));

        Assert.Equal(3, transport.Attempts);
    }

    private StorageClientFactory Factory(TokenCredential credential)
    {
        var connection = StorageConnection.FromServiceUris(azurite.Server.BlobEndpoint, azurite.Server.QueueEndpoint, azurite.Server.TableEndpoint, credential);
        return new StorageClientFactory(connection, new StorageClientOptions { Transport = new HttpClientTransport(azurite.TrustingHandler()) });
    }

    /// <summary>Answers every request with 503 Server Busy, counting the attempts.</summary>
    private sealed class AlwaysUnavailableTransport : HttpPipelineTransport
    {
        private int _attempts;

        public int Attempts => _attempts;

        public override Request CreateRequest() => HttpClientTransport.Shared.CreateRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            Interlocked.Increment(ref _attempts);
            message.Response = new UnavailableResponse(message.Request.ClientRequestId);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class UnavailableResponse(string clientRequestId) : Response
    {
        public override int Status => 503;

        public override string ReasonPhrase => "Server Busy";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = clientRequestId;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, out string value)
        {
            value = string.Empty;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
        {
            values = [];
            return false;
        }
    }
}
