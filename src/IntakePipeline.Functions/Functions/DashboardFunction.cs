using System.Net;
using IntakePipeline.Pipeline.Dashboard;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace IntakePipeline.Functions.Functions;

/// <summary>
/// Dashboard: serves the provincial dashboard's pages under <c>/api/dashboard/</c>. The function itself is anonymous;
/// App Service authentication (Entra ID, restricted to the dashboard group; <c>infra/modules/functionapp.bicep</c>)
/// stands in front of it.
/// </summary>
public sealed class DashboardFunction(DashboardHandler handler)
{
    /// <summary>The function's name.</summary>
    public const string Name = "Dashboard";

    /// <summary>The route: everything under <c>dashboard/</c>.</summary>
    public const string Route = "dashboard/{*path}";

    /// <summary>Runs the use case and writes its answer.</summary>
    /// <param name="request">The GET request.</param>
    /// <param name="path">The path under <c>dashboard/</c>, e.g. <c>2024-06/indicator/U14.html</c>; null for the root.</param>
    /// <param name="cancellationToken">Cancelled when the request is.</param>
    /// <returns>The page, a redirect to the latest month, 304 or 404.</returns>
    [Function(Name)]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequestData request,
        string? path,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ifNoneMatch = request.Headers.TryGetValues("If-None-Match", out var tags) ? string.Join(',', tags) : null;
        var result = await handler.HandleAsync(path, ifNoneMatch, cancellationToken).ConfigureAwait(false);
        var response = request.CreateResponse((HttpStatusCode)result.StatusCode);
        if (result.Location is { } location)
        {
            // The root is /api/dashboard/ whatever the route prefix; the path, when there is one, ends the URL.
            var absolute = request.Url.AbsolutePath;
            var root = path is { Length: > 0 } && absolute.EndsWith(path, StringComparison.Ordinal) ? absolute[..^path.Length] : absolute;
            response.Headers.Add("Location", root.TrimEnd('/') + "/" + location);
            return response;
        }

        response.Headers.Add("Cache-Control", handler.CacheControl);
        if (result.ETag is { } etag)
        {
            response.Headers.Add("ETag", etag);
        }

        if (result.Html is { } html)
        {
            response.Headers.Add("Content-Type", DashboardResponse.ContentType);
            await response.WriteStringAsync(html, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
