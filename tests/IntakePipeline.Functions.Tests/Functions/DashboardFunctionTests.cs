using System.Net;
using IntakePipeline.Functions.Functions;
using IntakePipeline.Testing;

namespace IntakePipeline.Functions.Tests.Functions;

[Collection(AzuriteCollection.Name)]
public sealed class DashboardFunctionTests(AzuriteServer azurite)
{
    private static readonly byte[] _zunyiSample = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "seeds", "samples", "2024-06", "遵义市-2024-06.csv"));

    [Fact]
    public async Task RunAsync_Root_RedirectsToTheLatestMonthsOverviewUnderApiDashboard()
    {
        await using var app = await ProcessedAsync();

        var response = await GetAsync(app, "https://func.example.cn/api/dashboard", null);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/api/dashboard/2024-06/index.html", Assert.Single(response.Headers.GetValues("Location")));
    }

    [Fact]
    public async Task RunAsync_IndicatorPage_ServesTheHtmlWithItsETagAndThen304()
    {
        await using var app = await ProcessedAsync();

        var page = await GetAsync(app, "https://func.example.cn/api/dashboard/2024-06/indicator/U14.html", "2024-06/indicator/U14.html");
        var etag = Assert.Single(page.Headers.GetValues("ETag"));
        var again = await GetAsync(app, "https://func.example.cn/api/dashboard/2024-06/indicator/U14.html", "2024-06/indicator/U14.html", etag);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", Assert.Single(page.Headers.GetValues("Content-Type")), StringComparison.Ordinal);
        Assert.Contains("老旧小区改造", page.Text, StringComparison.Ordinal);
        Assert.Contains("data-scope=\"520300\"", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(again.Text);
    }

    [Fact]
    public async Task RunAsync_UnknownIndicator_IsNotFound()
    {
        await using var app = await ProcessedAsync();

        var response = await GetAsync(app, "https://func.example.cn/api/dashboard/2024-06/indicator/X99.html", "2024-06/indicator/X99.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有这个页面", response.Text, StringComparison.Ordinal);
    }

    private async Task<FunctionsApp> ProcessedAsync()
    {
        var app = await FunctionsApp.StartAsync(azurite);
        var (_, message) = await app.UploadAsync("520300", $"2024-06/{Guid.NewGuid():N}.csv", _zunyiSample);
        await app.Function<ProcessSubmissionFunction>().RunAsync(message, app.Context(), CancellationToken.None);
        return app;
    }

    private static async Task<TestHttpRequest.Response> GetAsync(FunctionsApp app, string url, string? path, string? ifNoneMatch = null)
    {
        var request = new TestHttpRequest(app.Context(), new Uri(url), ifNoneMatch);
        return (TestHttpRequest.Response)await app.Function<DashboardFunction>().RunAsync(request, path, CancellationToken.None);
    }
}
