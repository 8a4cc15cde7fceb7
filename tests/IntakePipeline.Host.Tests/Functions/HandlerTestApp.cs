using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntakePipeline.Host.Functions;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IntakePipeline.Host.Tests.Functions;

/// <summary>
/// The handler as <c>intake handler</c> composes it, on ASP.NET Core's test server, with storage pointing at an
/// Azurite: the host's invocations become <see cref="PostAsync"/> calls.
/// </summary>
internal sealed class HandlerTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HandlerTestApp(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IBlobStore Blobs => _app.Services.GetRequiredService<IBlobStore>();

    public ITableStore Tables => _app.Services.GetRequiredService<ITableStore>();

    public static async Task<HandlerTestApp> StartAsync(AzuriteServer azurite, Action<WebApplication>? mapMore = null, params string[] args)
    {
        var builder = FunctionsHandlerHost.CreateBuilder([$"--AzureWebJobsStorage={azurite.ConnectionString}", .. args]);
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        app.MapIntakeFunctions();
        mapMore?.Invoke(app);
        await app.StartAsync();
        return new HandlerTestApp(app);
    }

    public static string Sample(string relative) => Path.Combine(RepositoryRoot.Path, "seeds", "samples", relative);

    /// <summary>Uploads a file as a prefecture would, and returns the new version's ETag as Event Grid sends it (unquoted).</summary>
    public async Task<string> UploadAsync(string container, string name, byte[] content)
    {
        var written = await Blobs.PutAsync(container, name, content);
        return written.ETag.Trim('"');
    }

    public Task<HttpResponseMessage> PostAsync(string functionName, string payload) =>
        Client.PostAsync("/" + functionName, new StringContent(payload, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> ReadBodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
