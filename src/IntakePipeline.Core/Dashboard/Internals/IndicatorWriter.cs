using System.Text;
using IntakePipeline.Core.Alerts.Internals;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Dashboard.Internals;

/// <summary>
/// An indicator's page: what it is, the month's judgement in every scope, then one trajectory chart per scope (the
/// province first) with the plan points it is drawn through, superseded ones included, and their documents.
/// </summary>
internal static class IndicatorWriter
{
    public static string Write(DashboardIndicator data, PlanCatalog catalog, TrajectoryEvaluator evaluator, ThresholdsOptions thresholds)
    {
        var indicator = data.Indicator;
        var page = new DashboardPage(indicator.Code + " " + indicator.Name, data.Period, data.Latest, "../", DashboardPaths.Indicator(indicator.Code));
        page.Raw("<p>单位：").Text(indicator.Unit.Length == 0 ? DisplayNumber.None : indicator.Unit).Raw("　类别：").Text(indicator.Category)
            .Raw("　").Text(Describe(indicator)).Raw("<br>定义依据：").Text(indicator.Source).Raw("</p>");

        var scopes = Scopes(data, catalog, evaluator);
        var byScope = data.Entries.ToDictionary(e => e.Scope);
        page.Raw("<h2>").Raw(data.Period.ToString()).Raw(" 各地区判定</h2><table class=\"list\" id=\"summary\"><tr><th>地区</th><th>判定</th>")
            .Raw("<th class=\"num\">实际</th><th class=\"num\">应达</th><th class=\"num\">目标</th><th>滞后</th><th class=\"num\">趋势外推</th><th>依据</th></tr>");
        foreach (var scope in scopes)
        {
            var entry = byScope.GetValueOrDefault(scope);
            var chart = "#s-" + scope;
            page.Raw("<tr data-scope=\"").Raw(scope).Raw("\"><td>").Link(page.Root + DashboardPaths.Scope(scope), Place(scope, entry)).Raw("</td><td>")
                .Status(entry?.Status).Raw("</td>");
            if (entry is null)
            {
                page.Raw("<td colspan=\"6\">").Link(page.Root + DashboardPaths.Scope(scope) + "#history", "本月没有通过校验的数据").Raw("</td></tr>");
                continue;
            }

            var shown = DisplayNumber.Together(entry.Actual, entry.Expected, entry.Target);
            page.Raw("<td class=\"num actual\">").Link(page.Root + DashboardPaths.Scope(scope) + "#ind-" + indicator.Code, shown[0]).Raw("</td>")
                .Raw("<td class=\"num expected\">").Link(chart, shown[1]).Raw("</td>")
                .Raw("<td class=\"num target\">").Link(chart, shown[2] + (entry.TargetDate is { } date ? "（" + date + "）" : string.Empty)).Raw("</td>")
                .Raw("<td class=\"lag\">").Link(chart, DashboardPage.Lag(entry.Lag)).Raw("</td>")
                .Raw("<td class=\"num\">").Link(chart, DisplayNumber.Format(entry.Projected)).Raw("</td><td>").Text(entry.Source ?? DisplayNumber.None)
                .Raw("</td></tr>");
        }

        page.Raw("</table><p class=\"note\">实际值链接到该地区的页面，其余数字链接到下方的轨迹图。</p>");
        var bands = thresholds.BandsFor(indicator.Code);
        foreach (var scope in scopes)
        {
            Chart(page, data, catalog, evaluator, scope, byScope.GetValueOrDefault(scope), bands);
        }

        return page.Finish("轨迹图：深色折线为现行规划路径，编号对应下表的文件和章节；浅色空心点为已被后续文件替代的规划值；蓝线为月度实际值，虚线为按最近 6 个月趋势外推至下一目标日期；绿色带为判定“正常”所允许的落后幅度。");
    }

    private static void Chart(
        DashboardPage page,
        DashboardIndicator data,
        PlanCatalog catalog,
        TrajectoryEvaluator evaluator,
        string scope,
        ScorecardEntry? entry,
        TrajectoryBands bands)
    {
        var indicator = data.Indicator;
        var points = evaluator.PointsFor(indicator, scope);
        var planScope = points.Count > 0 && points.FirstOrDefault(p => p.Target is not null).Target is { } first ? first.Scope : scope;
        var superseded = catalog.Targets.Where(t => t.Indicator == indicator.Code && t.Scope == planScope && t.Superseded).ToList();
        var actuals = data.Actuals.GetValueOrDefault(scope) ?? [];
        page.Raw("<section class=\"chart\" id=\"s-").Raw(scope).Raw("\"><h2>").Text(Place(scope, entry)).Raw(" ").Status(entry?.Status).Raw("</h2>");
        if (planScope != scope)
        {
            page.Raw("<p class=\"note\">该地区没有单独的规划值，按全省目标判定。</p>");
        }

        var svg = new StringBuilder();
        new TrajectoryChart(indicator, points, superseded, actuals, entry, data.Period, bands)
            .WriteTo(svg, $"{DashboardPage.Place(scope)} {indicator.Name} 的规划轨迹与实际值");
        page.Raw(svg.ToString());
        page.Raw("<p class=\"legend\"><span><i class=\"sw\" style=\"background:#34495e\"></i>现行规划路径</span>")
            .Raw("<span><i class=\"sw\" style=\"background:#fff;border:1px dashed #34495e;opacity:.5\"></i>已被替代的规划值</span>")
            .Raw("<span><i class=\"sw\" style=\"background:#1f6fb2\"></i>月度实际值</span><span>┅ 趋势外推</span>")
            .Raw("<span><i class=\"sw\" style=\"background:#2e8b57;opacity:.3\"></i>正常范围</span></p>");

        page.Raw("<table class=\"list plan\"><tr><th>编号</th><th>日期</th><th class=\"num\">规划值</th><th>文件及章节</th><th>状态</th></tr>");
        var number = 0;
        var rows = points.Where(p => p.Target is not null).Select(p => p.Target!).Concat(superseded).OrderBy(t => t.Date).ThenBy(t => t.Superseded);
        foreach (var target in rows)
        {
            page.Raw(target.Superseded ? "<tr class=\"faint\"><td></td>" : "<tr><td>[" + (++number) + "]</td>").Raw("<td>").Raw(target.Date.ToString())
                .Raw("</td><td class=\"num\">").Text(DisplayNumber.WithUnit(target.Value, indicator.Unit) + AlertWording.Qualifier(target.Qualifier))
                .Raw("</td><td>").Text(target.Source).Raw("</td><td>").Text(target.Superseded ? "已被替代" : "现行").Raw("</td></tr>");
        }

        page.Raw("</table></section>");
    }

    /// <summary>The province, then every prefecture that has plan points, results or actuals for the indicator.</summary>
    private static List<string> Scopes(DashboardIndicator data, PlanCatalog catalog, TrajectoryEvaluator evaluator)
    {
        var scopes = new List<string>();
        foreach (var code in Submitters.Prefectures.Select(p => p.Code).Prepend(Submitters.Province))
        {
            if (catalog.IsReportedBy(data.Indicator, code) || catalog.TargetsInForce(data.Indicator.Code, code).Count > 0
                || data.Entries.Any(e => e.Scope == code) || data.Actuals.ContainsKey(code)
                || (code == Submitters.Province && evaluator.PointsFor(data.Indicator, code).Count > 0))
            {
                scopes.Add(code);
            }
        }

        return scopes;
    }

    private static string Place(string scope, ScorecardEntry? entry) =>
        DashboardPage.Place(scope) + (AlertWording.Rollup(entry) is { } rollup ? "（" + rollup + "）" : string.Empty);

    private static string Describe(PlanIndicator indicator) =>
        (indicator.Kind switch
        {
            IndicatorKind.Cumulative => "累计值" + (indicator.Window is { } w ? $"（{w.Start}—{w.End}）" : string.Empty),
            IndicatorKind.Rate => "增长率",
            IndicatorKind.Floor => "下限（不得低于）",
            IndicatorKind.Ceiling => "上限（不得高于）",
            _ => "水平值",
        })
        + (indicator.Direction == IndicatorDirection.Down ? "，越低越好" : "，越高越好")
        + (indicator.Frequency == ReportingFrequency.Monthly ? "，按月报送" : "，按年报送");
}
