using System.Globalization;
using System.Text;
using IntakePipeline.Core.Alerts.Internals;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Core.Dashboard.Internals;

/// <summary>
/// One dashboard page being written: the shell (a self-contained head with its style sheet, no script, font or request
/// to any other origin), the links between months and the pieces every page shares. Text goes through
/// <see cref="Text"/>, which escapes it; markup is appended as is.
/// </summary>
internal sealed class DashboardPage
{
    // Hover is an enhancement: the details of a cell open on :hover and on :focus, so a keyboard reaches them too.
    private const string Style =
        "body{font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;margin:0;color:#222;background:#fafafa;font-size:14px}" +
        "header{background:#1f4e79;color:#fff;padding:10px 24px}header a{color:#fff}header h1{margin:4px 0;font-size:20px}" +
        "main{padding:12px 24px}a{color:#1f5fa0}h2{font-size:17px;margin:20px 0 8px}" +
        ".months a,.months span{margin-right:12px}.note{color:#555;font-size:12px}" +
        "table{border-collapse:collapse}table.list td,table.list th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}" +
        "table.list th{background:#eef2f6}td.num,th.num{text-align:right;white-space:nowrap}" +
        ".strip{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}.chip{display:block;min-width:96px;padding:6px 12px;border-radius:6px;color:#fff;text-decoration:none}" +
        ".chip b{display:block;font-size:22px}" +
        "table.heat{border-collapse:separate;border-spacing:2px}table.heat th{font-size:11px;font-weight:normal}" +
        "table.heat th.ind{writing-mode:vertical-rl;white-space:nowrap;padding:2px 0}table.heat th.ind a{text-decoration:none}" +
        "table.heat th.scope{text-align:right;white-space:nowrap;padding-right:6px;position:sticky;left:0;background:#fafafa;z-index:2}" +
        "td.cell{width:20px;height:20px;padding:0;position:relative}td.cell>a{display:block;width:20px;height:20px}" +
        "td.cell>a:focus{outline:3px solid #000}td.na{background:#fff}" +
        ".tip{display:none;position:absolute;left:22px;top:0;z-index:5;width:280px;background:#fff;color:#222;border:1px solid #888;" +
        "box-shadow:2px 2px 6px rgba(0,0,0,.25);padding:6px 8px;font-size:12px;line-height:1.5}" +
        "td.cell>a:hover .tip,td.cell>a:focus .tip{display:block}.tip b{font-size:13px}" +
        ".st{color:#fff;padding:1px 6px;border-radius:3px;white-space:nowrap}" +
        ".legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}" +
        "tr.faint td{color:#999}.chart svg{background:#fff;border:1px solid #ddd;max-width:100%;height:auto}" +
        ".chart{margin:8px 0 24px}";

    private readonly StringBuilder _html = new(32 * 1024);

    /// <summary>Starts a page: the head, the banner with <paramref name="title"/> and the links between months.</summary>
    /// <param name="title">The page's title.</param>
    /// <param name="period">The month shown.</param>
    /// <param name="latest">The latest month with results; null for a page that stands alone.</param>
    /// <param name="root">The relative path from this page to the period's folder: empty or <c>../</c>.</param>
    /// <param name="self">This page's path within the period's folder, for the same page in other months.</param>
    public DashboardPage(string title, YearMonth period, YearMonth? latest, string root, string self)
    {
        Root = root;
        _html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(SafeText.Html(title)).Append(" · ").Append(period.ToString()).Append("</title>")
            .Append("<style>").Append(Style).Append("</style></head><body><header><div><a href=\"").Append(root)
            .Append(DashboardPaths.Overview).Append("\">贵州省新型城镇化规划监测</a></div><h1>").Append(SafeText.Html(title))
            .Append(" · ").Append(period.ToString()).Append("</h1>");
        if (latest is { } last)
        {
            _html.Append("<div class=\"months\">");
            MonthLink(period.AddMonths(-1), "‹ 上月", self);
            if (period < last)
            {
                MonthLink(period.AddMonths(1), "下月 ›", self);
            }

            if (period != last)
            {
                MonthLink(last, "最新（" + last + "）", self);
            }

            _html.Append("</div>");
        }

        _html.Append("</header><main>");
    }

    /// <summary>The relative path from this page to the period's folder.</summary>
    public string Root { get; }

    /// <summary>Appends markup as is.</summary>
    public DashboardPage Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends text, escaped and formula-neutralised.</summary>
    public DashboardPage Text(string? text)
    {
        _html.Append(SafeText.Html(text));
        return this;
    }

    /// <summary>Appends a link to <paramref name="href"/> (a relative path written by this code) with escaped text.</summary>
    public DashboardPage Link(string href, string text, string? cssClass = null)
    {
        _html.Append("<a href=\"").Append(SafeText.Html(href)).Append('"');
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(cssClass).Append('"');
        }

        _html.Append('>').Append(SafeText.Html(text)).Append("</a>");
        return this;
    }

    /// <summary>Appends a status as a coloured label.</summary>
    public DashboardPage Status(TrajectoryStatus? status)
    {
        _html.Append("<span class=\"st\" style=\"background:").Append(StatusColor(status)).Append("\" data-status=\"")
            .Append(status?.ToString() ?? "None").Append("\">").Append(SafeText.Html(StatusName(status))).Append("</span>");
        return this;
    }

    /// <summary>
    /// Appends the strip of counts: each status with how many entries have it, and the missing files. Each count links
    /// to its list on this page (<c>#status-{Status}</c>), or to <paramref name="listHref"/> when one list holds them all.
    /// </summary>
    public void CountStrip(IReadOnlyList<ScorecardEntry> entries, int missing, string? missingHref, string? listHref = null)
    {
        _html.Append("<div class=\"strip\">");
        foreach (var status in StripStatuses)
        {
            var count = entries.Count(e => e.Status == status);
            Chip(status.ToString(), StatusName(status), StatusColor(status), count, count > 0 ? listHref ?? "#status-" + status : null);
        }

        Chip("Missing", "未报送", MissingColor, missing, missing > 0 ? missingHref : null);
        _html.Append("</div>");
    }

    /// <summary>Appends the legend of the status colours.</summary>
    public void Legend()
    {
        _html.Append("<p class=\"legend\">");
        foreach (var status in Enum.GetValues<TrajectoryStatus>())
        {
            _html.Append("<span><i class=\"sw\" style=\"background:").Append(StatusColor(status)).Append("\"></i>")
                .Append(SafeText.Html(StatusName(status))).Append("</span>");
        }

        _html.Append("<span><i class=\"sw\" style=\"background:").Append(MissingColor).Append("\"></i>未报送</span>")
            .Append("<span><i class=\"sw\" style=\"background:#fff;border:1px solid #ccc\"></i>不适用</span></p>");
    }

    /// <summary>Ends the page and returns its HTML.</summary>
    public string Finish(string footnote)
    {
        _html.Append("<p class=\"note\">").Append(SafeText.Html(footnote)).Append("</p></main></body></html>");
        return _html.ToString();
    }

    /// <summary>The statuses the count strip shows, in order, before the missing files.</summary>
    public static readonly TrajectoryStatus[] StripStatuses =
    [
        TrajectoryStatus.OnTrack, TrajectoryStatus.TargetMet, TrajectoryStatus.Behind, TrajectoryStatus.SeriouslyBehind,
        TrajectoryStatus.AtRisk, TrajectoryStatus.Breach,
    ];

    /// <summary>The colour of a month or cell with no file.</summary>
    public const string MissingColor = "#b8b8b8";

    /// <summary>The status's Chinese name, as the alert mails use it.</summary>
    public static string StatusName(TrajectoryStatus? status) => status is null ? "未报送" : AlertWording.Status(status.Value);

    /// <summary>The status's colour, as the alert mails use it.</summary>
    public static string StatusColor(TrajectoryStatus? status) => status is null ? MissingColor : AlertWording.Color(status);

    /// <summary>The place's Chinese name.</summary>
    public static string Place(string scope) => AlertWording.Place(scope);

    /// <summary>A lag in words: <c>落后 22.38%</c>, <c>超前 3%</c>, or — when there is none.</summary>
    public static string Lag(double? lag) => lag switch
    {
        null => DisplayNumber.None,
        > 0 => "落后 " + DisplayNumber.Percent(lag.Value),
        < 0 => "超前 " + DisplayNumber.Percent(-lag.Value),
        _ => "0%",
    };

    private void Chip(string id, string name, string color, int count, string? href)
    {
        var tag = href is null ? "span" : "a";
        _html.Append('<').Append(tag).Append(" class=\"chip\" data-count=\"").Append(id).Append("\" style=\"background:").Append(color).Append('"');
        if (href is not null)
        {
            _html.Append(" href=\"").Append(href).Append('"');
        }

        _html.Append("><b>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</b>").Append(SafeText.Html(name))
            .Append("</").Append(tag).Append('>');
    }

    private void MonthLink(YearMonth month, string text, string self) =>
        Link(Root + "../" + month + "/" + self, text);
}
