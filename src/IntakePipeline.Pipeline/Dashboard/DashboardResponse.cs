namespace IntakePipeline.Pipeline.Dashboard;

/// <summary>What a host sends back for a dashboard request.</summary>
/// <param name="StatusCode">200, 302 (to the latest month), 304 (the page has not changed) or 404.</param>
/// <param name="Html">The page, UTF-8 HTML; null for 302 and 304.</param>
/// <param name="Location">For 302, the page to go to, relative to the dashboard's root (e.g. <c>2024-06/index.html</c>).</param>
/// <param name="ETag">The page's entity tag, quoted; null for 302.</param>
public sealed record DashboardResponse(int StatusCode, string? Html, string? Location, string? ETag)
{
    /// <summary>The content type of every page.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>
    /// The Cache-Control of a page: private (it sits behind sign-in), and revalidated with its ETag once the browser
    /// has kept it for the given time.
    /// </summary>
    public static string CacheControl(TimeSpan duration) =>
        "private, max-age=" + ((int)duration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
