using IntakePipeline.Core.Dashboard;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Dashboard;

public sealed class DashboardRendererTests
{
    private static readonly PlanCatalog _catalog = PlanCatalogLoader.LoadEmbedded();
    private static readonly YearMonth _june = new(2024, 6);
    private static readonly DashboardRenderer _renderer = new(_catalog, new ThresholdsOptions(), TimeZoneInfo.Utc);

    private static readonly ScorecardEntry _zunyi = new("520300", "U14", _june, 5.0, 7.35, 10.5, new YearMonth(2025, 12), 0, 0.2238,
        TrajectoryStatus.SeriouslyBehind, 6.1, "黔发改城镇〔2022〕22号 专栏4 老旧小区改造");

    [Fact]
    public void Overview_SeriouslyBehindEntry_ColoursTheCellRedAndShowsItsFigures()
    {
        var html = _renderer.Overview(new DashboardOverview(_june, _june, [_zunyi], []));

        Assert.Contains("data-indicator=\"U14\" data-status=\"SeriouslyBehind\" style=\"background:#b00020\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"actual\">5 万户</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"expected\">7.35 万户</span>", html, StringComparison.Ordinal);
        Assert.Contains("落后 22.38%", html, StringComparison.Ordinal);
        Assert.Contains("已报 0/9", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>.csv", "&lt;img src=x onerror=alert(1)&gt;.csv")]
    [InlineData("=HYPERLINK(\"x\").csv", "&#39;=HYPERLINK(&quot;x&quot;).csv")]
    public void Scope_SubmittedFileName_IsEscapedAndNeutralised(string name, string shown)
    {
        var file = new SubmissionRecord("520300", _june, SubmissionRecord.Rejected, "2024-06/" + name, DateTimeOffset.UnixEpoch, false, 3, 0);

        var html = _renderer.Scope(new DashboardScope(_june, null, Submitters.Find("520300")!, [_zunyi], new Dictionary<string, IReadOnlyList<MonthlyValue>>(), [file]));

        Assert.DoesNotContain(name, html, StringComparison.Ordinal);
        Assert.Contains(shown, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_U01_DrawsTheSupersededTargetFaintlyAndNamesBothDocuments()
    {
        var indicator = _catalog.FindIndicator("U01")!;

        var html = _renderer.Indicator(new DashboardIndicator(_june, null, indicator, [], new Dictionary<string, IReadOnlyList<MonthlyValue>>()));

        Assert.Contains("class=\"superseded\" opacity=\"0.4\"", html, StringComparison.Ordinal);
        Assert.Contains("已被替代", html, StringComparison.Ordinal);
        Assert.Contains("〔2022〕22号", html, StringComparison.Ordinal);
        Assert.Contains("〔2023〕571号", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_CumulativeWithActuals_DrawsTheBandTheActualsAndTheProjection()
    {
        var indicator = _catalog.FindIndicator("U14")!;
        var actuals = new Dictionary<string, IReadOnlyList<MonthlyValue>> { ["520300"] = [new(new YearMonth(2024, 5), 4.9), new(_june, 5.0)] };

        var html = _renderer.Indicator(new DashboardIndicator(_june, _june, indicator, [_zunyi], actuals));

        var section = html[html.IndexOf("id=\"s-520300\"", StringComparison.Ordinal)..];
        Assert.Contains("class=\"band\"", section, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(section[..section.IndexOf("</svg>", StringComparison.Ordinal)], "<circle class=\"actual\""));
        Assert.Contains("class=\"projection\"", section, StringComparison.Ordinal);
        Assert.Contains("../2024-05/indicator/U14.html", html, StringComparison.Ordinal);
    }
}
