using IntakePipeline.Core.Alerts.Internals;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Dashboard.Internals;

/// <summary>
/// The overview of a month: the strip of counts, the heatmap of prefectures × indicators with the province's row last
/// (labelled with how many prefectures' files it sums), and, under it, the lists each count links to.
/// </summary>
internal static class OverviewWriter
{
    public static string Write(DashboardOverview overview, PlanCatalog catalog)
    {
        var page = new DashboardPage("总览", overview.Period, overview.Latest, string.Empty, DashboardPaths.Overview);
        var entries = overview.Entries.Where(e => catalog.FindIndicator(e.Indicator) is not null).ToList();
        var byKey = entries.ToDictionary(e => (e.Scope, e.Indicator));
        var accepted = overview.Submissions.Where(s => s.Status == SubmissionRecord.Accepted).Select(s => s.Submitter).ToHashSet();
        var missing = Submitters.All.Where(s => !accepted.Contains(s.Code)).ToList();
        var reported = Submitters.Prefectures.Count(p => accepted.Contains(p.Code));

        page.CountStrip(entries, missing.Count, "#missing");
        page.Raw("<p class=\"note\">各数字为本月各市州及全省（汇总）指标的判定个数；“未报送”为本月没有通过校验的文件的报送单位数。点击数字查看明细。</p>");
        page.Legend();

        var indicators = catalog.Indicators.Where(i => entries.Any(e => e.Indicator == i.Code)).ToList();
        if (indicators.Count == 0)
        {
            page.Raw("<p>本月还没有任何判定结果。</p>");
        }
        else
        {
            Heatmap(page, overview.Period, catalog, indicators, byKey, reported);
        }

        Lists(page, catalog, entries, missing, overview.Submissions);
        return page.Finish("颜色按规划轨迹判定（滞后幅度 = (应达 − 实际) / 规划跨度）；全省一行为各市州数据的汇总或省统计局报送值，未报齐时为部分汇总。");
    }

    private static void Heatmap(
        DashboardPage page,
        YearMonth period,
        PlanCatalog catalog,
        List<PlanIndicator> indicators,
        Dictionary<(string, string), ScorecardEntry> byKey,
        int reported)
    {
        page.Raw("<h2>各市州指标判定</h2><table class=\"heat\" id=\"heatmap\"><thead><tr><th></th>");
        foreach (var indicator in indicators)
        {
            page.Raw("<th class=\"ind\" title=\"").Text(indicator.Name).Raw("\">")
                .Link(DashboardPaths.Indicator(indicator.Code), indicator.Code + " " + Short(indicator.Name)).Raw("</th>");
        }

        page.Raw("</tr></thead><tbody>");
        foreach (var prefecture in Submitters.Prefectures)
        {
            page.Raw("<tr data-scope=\"").Raw(prefecture.Code).Raw("\"><th class=\"scope\">")
                .Link(DashboardPaths.Scope(prefecture.Code), prefecture.Name).Raw("</th>");
            foreach (var indicator in indicators)
            {
                Cell(page, period, indicator, prefecture.Code, byKey.GetValueOrDefault((prefecture.Code, indicator.Code)),
                    catalog.IsReportedBy(indicator, prefecture.Code));
            }

            page.Raw("</tr>");
        }

        var total = Submitters.Prefectures.Count;
        page.Raw("<tr data-scope=\"").Raw(Submitters.Province).Raw("\" class=\"rollup\"><th class=\"scope\">")
            .Link(DashboardPaths.Scope(Submitters.Province), "贵州省（汇总）").Raw(" ")
            .Link("#missing", $"已报 {reported}/{total}", "completeness").Raw("</th>");
        foreach (var indicator in indicators)
        {
            var expected = indicator.Aggregation == IndicatorAggregation.Sum
                ? catalog.TargetsInForce(indicator.Code, Submitters.Province).Count > 0
                : catalog.IsReportedBy(indicator, Submitters.Province);
            Cell(page, period, indicator, Submitters.Province, byKey.GetValueOrDefault((Submitters.Province, indicator.Code)), expected);
        }

        page.Raw("</tr></tbody></table>");
    }

    private static void Cell(DashboardPage page, YearMonth period, PlanIndicator indicator, string scope, ScorecardEntry? entry, bool expected)
    {
        if (entry is null && !expected)
        {
            page.Raw("<td class=\"cell na\"></td>");
            return;
        }

        var status = entry?.Status;
        var place = DashboardPage.Place(scope);
        var href = DashboardPaths.Indicator(indicator.Code) + "#s-" + scope;
        page.Raw("<td class=\"cell\" data-indicator=\"").Text(indicator.Code).Raw("\" data-status=\"").Raw(status?.ToString() ?? "Missing")
            .Raw("\" style=\"background:").Raw(DashboardPage.StatusColor(status)).Raw("\"><a href=\"").Text(href).Raw("\" aria-label=\"")
            .Text($"{place} {indicator.Name}：{DashboardPage.StatusName(status)}").Raw("\"><span class=\"tip\"><b>").Text(place + " " + indicator.Name)
            .Raw("</b>（").Text(indicator.Code).Raw("）<br>").Raw(period.ToString()).Raw("　").Status(status).Raw("<br>");
        if (entry is null)
        {
            page.Raw("本月没有通过校验的数据。");
        }
        else
        {
            Figures(page, entry, indicator.Unit);
        }

        page.Raw("</span></a></td>");
    }

    /// <summary>The figures of an entry, one per line: actual, expected, target, lag, source and a roll-up's completeness.</summary>
    public static void Figures(DashboardPage page, ScorecardEntry entry, string unit)
    {
        var shown = DisplayNumber.Together(entry.Actual, entry.Expected, entry.Target);
        page.Raw("实际：<span class=\"actual\">").Text(DisplayNumber.AttachUnit(shown[0], unit)).Raw("</span><br>")
            .Raw("应达：<span class=\"expected\">").Text(DisplayNumber.AttachUnit(shown[1], unit)).Raw("</span><br>")
            .Raw("目标：<span class=\"target\">").Text(DisplayNumber.AttachUnit(shown[2], unit)).Raw("</span>")
            .Text(entry.TargetDate is { } date ? "（" + date + " 到期）" : string.Empty).Raw("<br>")
            .Raw("滞后：<span class=\"lag\">").Text(DashboardPage.Lag(entry.Lag)).Raw("</span><br>")
            .Raw("依据：").Text(entry.Source ?? DisplayNumber.None);
        if (AlertWording.Rollup(entry) is { } rollup)
        {
            page.Raw("<br>").Text(rollup);
        }
    }

    private static void Lists(DashboardPage page, PlanCatalog catalog, List<ScorecardEntry> entries, List<Submitter> missing, IReadOnlyList<SubmissionRecord> submissions)
    {
        foreach (var status in DashboardPage.StripStatuses)
        {
            var those = entries.Where(e => e.Status == status).ToList();
            if (those.Count == 0)
            {
                continue;
            }

            page.Raw("<h2 id=\"status-").Raw(status.ToString()).Raw("\">").Status(status).Raw(" ").Raw(those.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Raw(" 项</h2><table class=\"list\"><tr><th>地区</th><th>指标</th><th class=\"num\">实际</th><th class=\"num\">应达</th><th class=\"num\">目标</th><th>滞后</th></tr>");
            foreach (var entry in those.OrderBy(e => Order(e.Scope)).ThenBy(e => e.Indicator, StringComparer.Ordinal))
            {
                var indicator = catalog.FindIndicator(entry.Indicator)!;
                var chart = DashboardPaths.Indicator(indicator.Code) + "#s-" + entry.Scope;
                var shown = DisplayNumber.Together(entry.Actual, entry.Expected, entry.Target);
                page.Raw("<tr><td>").Link(DashboardPaths.Scope(entry.Scope), DashboardPage.Place(entry.Scope)).Raw("</td><td>")
                    .Link(chart, indicator.Code + " " + indicator.Name).Raw("</td><td class=\"num\">")
                    .Link(chart, DisplayNumber.AttachUnit(shown[0], indicator.Unit)).Raw("</td><td class=\"num\">")
                    .Link(chart, shown[1]).Raw("</td><td class=\"num\">").Link(chart, shown[2]).Raw("</td><td>")
                    .Link(chart, DashboardPage.Lag(entry.Lag)).Raw("</td></tr>");
            }

            page.Raw("</table>");
        }

        page.Raw("<h2 id=\"missing\">未报送 ").Raw(missing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw(" 个单位</h2>");
        if (missing.Count == 0)
        {
            page.Raw("<p>本月各单位均已报送。</p>");
            return;
        }

        page.Raw("<table class=\"list\"><tr><th>报送单位</th><th>本月情况</th></tr>");
        foreach (var submitter in missing)
        {
            var rejected = submissions.Count(s => s.Submitter == submitter.Code && s.Status == SubmissionRecord.Rejected);
            page.Raw("<tr data-scope=\"").Raw(submitter.Code).Raw("\"><td>").Link(DashboardPaths.Scope(submitter.Code), submitter.Name).Raw("</td><td>")
                .Link(DashboardPaths.Scope(submitter.Code) + "#history", rejected > 0 ? $"{rejected} 个文件被退回，尚无通过的文件" : "尚未上传文件")
                .Raw("</td></tr>");
        }

        page.Raw("</table>");
    }

    /// <summary>Prefectures in their order, the province last.</summary>
    public static int Order(string scope)
    {
        for (var i = 0; i < Submitters.Prefectures.Count; i++)
        {
            if (Submitters.Prefectures[i].Code == scope)
            {
                return i;
            }
        }

        return Submitters.Prefectures.Count;
    }

    private static string Short(string name) => name.Length <= 8 ? name : name[..7] + "…";
}
