using System.Globalization;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Dashboard.Internals;

/// <summary>
/// A prefecture's (or the province's) page: the month's counts, every indicator it reports with its status, figures
/// and recent trend, and its submission history: a strip of the last 12 months (accepted, late, rejected, missing) and
/// the files it uploaded.
/// </summary>
internal static class ScopeWriter
{
    /// <summary>The months the history strip and the trend lines cover.</summary>
    public const int HistoryMonths = 12;

    private const int MaxFilesListed = 60;

    public static string Write(DashboardScope data, PlanCatalog catalog, TimeZoneInfo zone)
    {
        var code = data.Submitter.Code;
        var page = new DashboardPage(data.Submitter.Name, data.Period, data.Latest, "../", DashboardPaths.Scope(code));
        var entries = data.Entries.Where(e => catalog.FindIndicator(e.Indicator) is not null).ToList();
        var byIndicator = entries.ToDictionary(e => e.Indicator);
        var accepted = data.Submissions.Any(s => s.Period == data.Period && s.Status == SubmissionRecord.Accepted);
        page.CountStrip(entries, accepted ? 0 : 1, "#history", "#indicators");

        var indicators = catalog.Indicators.Where(i => byIndicator.ContainsKey(i.Code) || catalog.IsReportedBy(i, code)).ToList();
        page.Raw("<h2>指标</h2><table class=\"list\" id=\"indicators\"><tr><th>指标</th><th>判定</th><th class=\"num\">实际</th><th class=\"num\">应达</th>")
            .Raw("<th class=\"num\">目标</th><th>滞后</th><th>近 ").Raw(HistoryMonths.ToString(CultureInfo.InvariantCulture)).Raw(" 个月</th><th>较上期</th></tr>");
        foreach (var indicator in indicators)
        {
            var entry = byIndicator.GetValueOrDefault(indicator.Code);
            var chart = page.Root + DashboardPaths.Indicator(indicator.Code) + "#s-" + code;
            var series = data.Actuals.GetValueOrDefault(indicator.Code) ?? [];
            page.Raw("<tr id=\"ind-").Text(indicator.Code).Raw("\" data-indicator=\"").Text(indicator.Code).Raw("\"><td>")
                .Link(chart, indicator.Code + " " + indicator.Name).Raw("</td><td>").Status(entry?.Status).Raw("</td>");
            if (entry is null)
            {
                page.Raw("<td colspan=\"4\">本月无数据</td>");
            }
            else
            {
                var shown = DisplayNumber.Together(entry.Actual, entry.Expected, entry.Target);
                page.Raw("<td class=\"num actual\">").Link(chart, DisplayNumber.AttachUnit(shown[0], indicator.Unit)).Raw("</td>")
                    .Raw("<td class=\"num expected\">").Link(chart, shown[1]).Raw("</td><td class=\"num target\">")
                    .Link(chart, shown[2] + (entry.TargetDate is { } date ? "（" + date + "）" : string.Empty)).Raw("</td><td class=\"lag\">")
                    .Link(chart, DashboardPage.Lag(entry.Lag)).Raw("</td>");
            }

            page.Raw("<td>").Raw(Sparkline(series, data.Period)).Raw("</td><td class=\"num\">").Link(chart, Change(series)).Raw("</td></tr>");
        }

        page.Raw("</table>");
        History(page, data, zone);
        return page.Finish("“较上期”为最近两个月度实际值之差；实际值来自通过校验的文件，全省汇总值按各市州数据相加。");
    }

    private static void History(DashboardPage page, DashboardScope data, TimeZoneInfo zone)
    {
        page.Raw("<h2 id=\"history\">报送情况</h2><table class=\"list months\"><tr>");
        var first = data.Period.AddMonths(1 - HistoryMonths);
        for (var month = first; month <= data.Period; month = month.AddMonths(1))
        {
            page.Raw("<th>").Raw(month.ToString()).Raw("</th>");
        }

        page.Raw("</tr><tr>");
        for (var month = first; month <= data.Period; month = month.AddMonths(1))
        {
            var files = data.Submissions.Where(s => s.Period == month).ToList();
            var current = files.FirstOrDefault(s => s.Status == SubmissionRecord.Accepted);
            var (text, color) = current is not null
                ? (current.Late ? "逾期接收" : "已接收", current.Late ? "#b7770b" : "#1b7d2a")
                : files.Count > 0 ? ("已退回", "#b00020") : ("未报送", DashboardPage.MissingColor);
            page.Raw("<td data-period=\"").Raw(month.ToString()).Raw("\"><span class=\"st\" style=\"background:").Raw(color).Raw("\">")
                .Text(text).Raw("</span></td>");
        }

        page.Raw("</tr></table>");
        var listed = data.Submissions.OrderByDescending(s => s.Period).ThenByDescending(s => s.ReceivedAt).Take(MaxFilesListed).ToList();
        if (listed.Count == 0)
        {
            page.Raw("<p>还没有上传过文件。</p>");
            return;
        }

        page.Raw("<table class=\"list\" id=\"files\"><tr><th>期间</th><th>文件</th><th>结果</th><th>上传时间（").Text(zone.Id)
            .Raw("）</th><th class=\"num\">错误</th><th class=\"num\">警告</th></tr>");
        foreach (var file in listed)
        {
            page.Raw("<tr><td>").Raw(file.Period.ToString()).Raw("</td><td class=\"file\">").Text(file.BlobName[(file.BlobName.LastIndexOf('/') + 1)..]).Raw("</td><td>")
                .Text(Outcome(file)).Raw("</td><td>")
                .Text(file.ReceivedAt is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : DisplayNumber.None)
                .Raw("</td><td class=\"num\">").Raw(file.ErrorCount.ToString(CultureInfo.InvariantCulture)).Raw("</td><td class=\"num\">")
                .Raw(file.WarningCount.ToString(CultureInfo.InvariantCulture)).Raw("</td></tr>");
        }

        page.Raw("</table>");
    }

    private static string Outcome(SubmissionRecord file) => file.Status switch
    {
        SubmissionRecord.Accepted => file.Late ? "通过（逾期）" : "通过",
        SubmissionRecord.Rejected => "退回",
        SubmissionRecord.Superseded => "通过，已被后来的文件替换",
        _ => file.Status,
    };

    /// <summary>The change between the last two actuals, signed, or — when there are fewer than two.</summary>
    private static string Change(IReadOnlyList<MonthlyValue> series) =>
        series.Count < 2 ? DisplayNumber.None : DisplayNumber.WithSign(DisplayNumber.Together(series[^1].Value - series[^2].Value)[0]);

    /// <summary>A small line of the actuals of the last <see cref="HistoryMonths"/> months, on its own scale.</summary>
    private static string Sparkline(IReadOnlyList<MonthlyValue> series, YearMonth period)
    {
        const int width = 96, height = 22;
        var first = period.AddMonths(1 - HistoryMonths);
        var recent = series.Where(v => v.Month >= first && v.Month <= period).ToList();
        if (recent.Count == 0)
        {
            return DisplayNumber.None;
        }

        var min = recent.Min(v => v.Value);
        var max = recent.Max(v => v.Value);
        var points = string.Join(' ', recent.Select(v => string.Create(CultureInfo.InvariantCulture,
            $"{2 + ((width - 4) * v.Month.MonthsSince(first) / (double)(HistoryMonths - 1)):0.#},{(max > min ? height - 3 - ((height - 6) * (v.Value - min) / (max - min)) : height / 2.0):0.#}")));
        var title = string.Join("，", recent.Select(v => v.Month + " " + DisplayNumber.Format(v.Value)));
        return $"<svg class=\"spark\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{title}\" xmlns=\"http://www.w3.org/2000/svg\">"
            + $"<title>{title}</title><polyline fill=\"none\" stroke=\"#1f6fb2\" stroke-width=\"1.5\" points=\"{points}\"/>"
            + (recent.Count == 1 ? $"<circle cx=\"{points.Split(',')[0]}\" cy=\"{points.Split(',')[1]}\" r=\"2\" fill=\"#1f6fb2\"/>" : string.Empty)
            + "</svg>";
    }
}
