using IntakePipeline.Core.Dashboard.Internals;
using IntakePipeline.Core.Evaluation;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Dashboard;

/// <summary>
/// Renders the provincial dashboard's pages as self-contained Chinese HTML with inline SVG charts: no script, font,
/// style sheet or image from anywhere else, readable with JavaScript off (a cell's details open on hover and on
/// keyboard focus with CSS alone). Pure: it draws what it is given, reads nothing and writes nothing; submitted text
/// (file names) is escaped and formula-neutralised. Links between pages are relative (<see cref="DashboardPaths"/>).
/// </summary>
public sealed class DashboardRenderer
{
    /// <summary>The months a submitter's page covers: its submission history and the trend of each indicator.</summary>
    public const int HistoryMonths = ScopeWriter.HistoryMonths;

    private readonly PlanCatalog _catalog;
    private readonly ThresholdsOptions _thresholds;
    private readonly TrajectoryEvaluator _evaluator;
    private readonly TimeZoneInfo _zone;

    /// <summary>Creates a renderer over <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The plan: indicators, in-force and superseded points with their documents.</param>
    /// <param name="thresholds">The lag bands, for the on-track band of the charts.</param>
    /// <param name="zone">The time zone upload times are shown in.</param>
    public DashboardRenderer(PlanCatalog catalog, ThresholdsOptions thresholds, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(zone);
        _catalog = catalog;
        _thresholds = thresholds;
        _evaluator = new TrajectoryEvaluator(catalog, thresholds);
        _zone = zone;
    }

    /// <summary>The overview (<see cref="DashboardPaths.Overview"/>): counts, the heatmap with its legend and the lists behind the counts.</summary>
    public string Overview(DashboardOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        return OverviewWriter.Write(overview, _catalog);
    }

    /// <summary>An indicator's page (<see cref="DashboardPaths.Indicator"/>): the month's judgements and a trajectory chart per scope.</summary>
    public string Indicator(DashboardIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return IndicatorWriter.Write(indicator, _catalog, _evaluator, _thresholds);
    }

    /// <summary>A prefecture's or the province's page (<see cref="DashboardPaths.Scope"/>): its indicators and its submission history.</summary>
    public string Scope(DashboardScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ScopeWriter.Write(scope, _catalog, _zone);
    }

    /// <summary>The page shown for a path that names no page: an unknown indicator or submitter, or a malformed month.</summary>
    /// <param name="period">The month in the path, or the latest one.</param>
    /// <param name="message">What was not found, in Chinese.</param>
    /// <param name="root">The relative path from the requested page to the period's folder, so the banner's link leads to the overview.</param>
    public static string NotFound(YearMonth period, string message, string root)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(root);
        return new DashboardPage("未找到页面", period, null, root, DashboardPaths.Overview)
            .Raw("<p>").Text(message).Raw("</p><p>").Link(root + DashboardPaths.Overview, "返回总览").Raw("</p>")
            .Finish(string.Empty);
    }
}
