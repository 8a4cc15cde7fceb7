namespace IntakePipeline.Core.Dashboard;

/// <summary>
/// Where each dashboard page lives, relative to the folder of one period: the overview, one page per indicator and one
/// per submitter (a prefecture or the province). The served dashboard puts that folder under <c>{yyyy-MM}/</c>, and
/// <c>intake report --format html</c> writes it as is, so every link between pages is relative and works in both.
/// </summary>
public static class DashboardPaths
{
    /// <summary>The overview page.</summary>
    public const string Overview = "index.html";

    /// <summary>The folder of the indicator pages.</summary>
    public const string IndicatorFolder = "indicator";

    /// <summary>The folder of the submitter pages.</summary>
    public const string ScopeFolder = "prefecture";

    /// <summary>An indicator's page, e.g. <c>indicator/U14.html</c>.</summary>
    public static string Indicator(string code) => IndicatorFolder + "/" + Uri.EscapeDataString(code) + ".html";

    /// <summary>A prefecture's or the province's page, e.g. <c>prefecture/520300.html</c>.</summary>
    public static string Scope(string code) => ScopeFolder + "/" + Uri.EscapeDataString(code) + ".html";
}
