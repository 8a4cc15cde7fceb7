using IntakePipeline.Core.Dashboard.Internals;
using IntakePipeline.Core.Formatting;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Dashboard;

/// <summary>
/// The dashboard's content as sheets, for offices that circulate files (<c>intake report --format xlsx|csv</c>): an
/// overview of scopes × indicators (the actual, coloured by status) and one sheet per indicator with every scope's
/// figures. The numbers are the Scorecard's, unrounded; statuses are written in Chinese.
/// </summary>
public static class DashboardSheets
{
    /// <summary>The overview sheet's name.</summary>
    public const string OverviewName = "总览";

    /// <summary>The column titles of an indicator's sheet.</summary>
    public static IReadOnlyList<string> IndicatorHeader { get; } = ["地区", "代码", "判定", "实际", "应达", "目标", "目标日期", "滞后幅度", "趋势外推", "依据", "汇总情况"];

    /// <summary>Builds the overview sheet and one sheet per indicator page, in the order given.</summary>
    /// <param name="overview">The month's overview data.</param>
    /// <param name="indicators">The indicators' page data.</param>
    /// <param name="catalog">The plan, for names and units.</param>
    public static IReadOnlyList<DashboardSheet> Build(DashboardOverview overview, IReadOnlyList<DashboardIndicator> indicators, PlanCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(overview);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(catalog);

        var byKey = overview.Entries.ToDictionary(e => (e.Scope, e.Indicator));
        var columns = catalog.Indicators.Where(i => overview.Entries.Any(e => e.Indicator == i.Code)).ToList();
        var rows = new List<IReadOnlyList<DashboardSheetCell>>();
        foreach (var scope in Submitters.Prefectures.Select(p => p.Code).Append(Submitters.Province))
        {
            var row = new List<DashboardSheetCell> { DashboardPage.Place(scope) };
            foreach (var indicator in columns)
            {
                row.Add(byKey.TryGetValue((scope, indicator.Code), out var entry)
                    ? new DashboardSheetCell(entry.Actual is null ? DashboardPage.StatusName(entry.Status) : null, entry.Actual, entry.Status)
                    : new DashboardSheetCell(null));
            }

            rows.Add(row);
        }

        var sheets = new List<DashboardSheet>
        {
            new(OverviewName, [$"{overview.Period} 实际值（颜色为判定）", .. columns.Select(i => $"{i.Code} {i.Name}（{i.Unit}）")], rows),
        };
        foreach (var data in indicators)
        {
            sheets.Add(new DashboardSheet(data.Indicator.Code, IndicatorHeader, data.Entries
                .OrderBy(e => e.Scope == Submitters.Province ? -1 : OverviewWriter.Order(e.Scope))
                .Select(e => (IReadOnlyList<DashboardSheetCell>)
                [
                    DashboardPage.Place(e.Scope), e.Scope, new DashboardSheetCell(DashboardPage.StatusName(e.Status), null, e.Status),
                    Number(e.Actual), Number(e.Expected), Number(e.Target), e.TargetDate?.ToString(), Number(e.Lag), Number(e.Projected),
                    e.Source, e.ReportedCount is { } reported ? $"已报 {reported}/{e.ExpectedCount}" : null,
                ])
                .ToList()));
        }

        return sheets;
    }

    private static DashboardSheetCell Number(double? value) => value is { } v && double.IsFinite(v) ? new(null, v) : new(DisplayNumber.None);
}
