using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using IntakePipeline.Core;
using IntakePipeline.Core.Dashboard;
using IntakePipeline.Core.Plan;
using Microsoft.Extensions.Options;

namespace IntakePipeline.Pipeline.Dashboard;

/// <summary>
/// The dashboard use case that every host serves: maps a path under the dashboard's root to a page, reads its data
/// with <see cref="DashboardQuery"/> and renders it with <see cref="DashboardRenderer"/>. Paths are
/// <c>{yyyy-MM}/index.html</c>, <c>{yyyy-MM}/indicator/{code}.html</c> and <c>{yyyy-MM}/prefecture/{code}.html</c>
/// (<see cref="DashboardPaths"/> within a month's folder); the root and anything outside a month's folder lead to the
/// latest month's overview. A rendered page is kept for <see cref="DashboardOptions.CacheDuration"/>, and answered
/// with 304 when the browser's ETag still matches.
/// </summary>
public sealed class DashboardHandler
{
    private const int MaxCachedPages = 2000;

    private readonly DashboardQuery _query;
    private readonly DashboardRenderer _renderer;
    private readonly PlanCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cacheDuration;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, DashboardResponse Response)> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates the handler.</summary>
    public DashboardHandler(DashboardQuery query, DashboardRenderer renderer, PlanCatalog catalog, TimeProvider time, IOptions<DashboardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _query = query;
        _renderer = renderer;
        _catalog = catalog;
        _time = time;
        _cacheDuration = options.Value.CacheDuration;
    }

    /// <summary>The Cache-Control header every page is sent with.</summary>
    public string CacheControl => DashboardResponse.CacheControl(_cacheDuration);

    /// <summary>Answers a request for <paramref name="path"/>, relative to the dashboard's root.</summary>
    /// <param name="path">The path, e.g. <c>2024-06/indicator/U14.html</c>; null or empty for the root.</param>
    /// <param name="ifNoneMatch">The request's If-None-Match header, if any.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The response; storage failures surface as exceptions for the host to report.</returns>
    public async Task<DashboardResponse> HandleAsync(string? path, string? ifNoneMatch, CancellationToken cancellationToken = default)
    {
        var key = (path ?? string.Empty).Trim('/');
        var now = _time.GetUtcNow();
        if (!_cache.TryGetValue(key, out var cached) || cached.Expires <= now)
        {
            cached = (now + _cacheDuration, await RenderAsync(key, cancellationToken).ConfigureAwait(false));
            if (_cacheDuration > TimeSpan.Zero)
            {
                if (_cache.Count >= MaxCachedPages)
                {
                    _cache.Clear();
                }

                _cache[key] = cached;
            }
        }

        var response = cached.Response;
        return response.ETag is not null && ifNoneMatch is not null && ifNoneMatch.Split(',').Any(t => t.Trim() == response.ETag)
            ? response with { StatusCode = 304, Html = null }
            : response;
    }

    private async Task<DashboardResponse> RenderAsync(string path, CancellationToken cancellationToken)
    {
        var parts = path.Split('/');
        var latest = await _query.LatestPeriodAsync(cancellationToken).ConfigureAwait(false);
        if (!YearMonth.TryParse(parts[0], out var period))
        {
            return latest is { } last
                ? new DashboardResponse(302, null, last + "/" + DashboardPaths.Overview, null)
                : Page(200, DashboardRenderer.NotFound(CurrentMonth(), "还没有任何判定结果：请先上传并处理报送文件。", Up(parts.Length - 1)));
        }

        // A month's folder without the page: its relative links need the page's own URL.
        if (parts.Length == 1)
        {
            return new DashboardResponse(302, null, period + "/" + DashboardPaths.Overview, null);
        }

        var root = Up(parts.Length - 2);
        if (parts.Length == 2 && parts[1] == DashboardPaths.Overview)
        {
            return Page(200, _renderer.Overview(await _query.OverviewAsync(period, latest, cancellationToken).ConfigureAwait(false)));
        }

        if (parts.Length == 3 && parts[2].EndsWith(".html", StringComparison.Ordinal))
        {
            var code = Uri.UnescapeDataString(parts[2][..^".html".Length]);
            switch (parts[1])
            {
                case DashboardPaths.IndicatorFolder when _catalog.FindIndicator(code) is { } indicator:
                    return Page(200, _renderer.Indicator(await _query.IndicatorAsync(indicator, period, latest, cancellationToken).ConfigureAwait(false)));
                case DashboardPaths.ScopeFolder when Submitters.Find(code) is { } submitter:
                    return Page(200, _renderer.Scope(await _query.ScopeAsync(submitter, period, latest, DashboardRenderer.HistoryMonths, cancellationToken).ConfigureAwait(false)));
            }
        }

        return Page(404, DashboardRenderer.NotFound(period, "没有这个页面：请从总览进入各指标和各地区的页面。", root));
    }

    private YearMonth CurrentMonth() => YearMonth.Of(_time.GetUtcNow(), TimeZoneInfo.Utc);

    /// <summary>The relative path that climbs <paramref name="levels"/> folders: empty, <c>../</c>, <c>../../</c>.</summary>
    private static string Up(int levels) => string.Concat(Enumerable.Repeat("../", Math.Max(0, levels)));

    private static DashboardResponse Page(int status, string html) =>
        new(status, html, null, "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16] + "\"");
}
