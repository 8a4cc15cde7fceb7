using System.CommandLine;
using IntakePipeline.Core;
using IntakePipeline.Core.Dashboard;
using IntakePipeline.Core.Plan;
using IntakePipeline.Host.Cli;
using IntakePipeline.Pipeline.Dashboard;

namespace IntakePipeline.Host.Standalone;

/// <summary>
/// <c>intake report --period &lt;yyyy-MM&gt; --format html|xlsx|csv -o &lt;path&gt;</c>: exports the dashboard of a month from
/// the tables, for offices that circulate files: <c>html</c> a folder with <c>index.html</c> and one page per
/// indicator and per submitter, linked relatively; <c>xlsx</c> one workbook with a status-coloured overview sheet and one
/// sheet per indicator; <c>csv</c> a folder with one CSV per sheet, UTF-8 with a BOM.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var period = CommonOptions.Period();
        var format = new Option<string>("--format") { Description = "html, xlsx or csv.", Required = true };
        format.AcceptOnlyFromAmong("html", "xlsx", "csv");
        var output = new Option<string>("--output", "-o") { Description = "The folder (html, csv) or the .xlsx file to write.", Required = true };
        var command = new Command("report", "Export the dashboard of a month from the tables as HTML pages, an XLSX workbook or CSV files.")
        {
            period, format, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            await using var storage = await CliStorage.ConnectAsync(error, cancellationToken).ConfigureAwait(false);
            if (storage is null)
            {
                return ExitCodes.StorageUnavailable;
            }

            var path = Path.GetFullPath(parseResult.GetValue(output)!);
            var written = await ExportAsync(storage.Dashboard, storage.DashboardRenderer, storage.Catalog, parseResult.GetValue(period), parseResult.GetValue(format)!, path, cancellationToken).ConfigureAwait(false);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"已导出 {written} 个{(parseResult.GetValue(format) == "xlsx" ? "工作表" : "文件")}：{path}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the export and returns how many pages, sheets or files it holds.</summary>
    internal static async Task<int> ExportAsync(
        DashboardQuery query,
        DashboardRenderer renderer,
        PlanCatalog catalog,
        YearMonth period,
        string format,
        string path,
        CancellationToken cancellationToken)
    {
        var overview = await query.OverviewAsync(period, null, cancellationToken).ConfigureAwait(false);
        if (format == "html")
        {
            // Every indicator a page can link to: those judged this month and those some submitter reports.
            var indicators = catalog.Indicators
                .Where(i => overview.Entries.Any(e => e.Indicator == i.Code) || Submitters.All.Any(s => catalog.IsReportedBy(i, s.Code)))
                .ToList();
            Directory.CreateDirectory(Path.Combine(path, DashboardPaths.IndicatorFolder));
            Directory.CreateDirectory(Path.Combine(path, DashboardPaths.ScopeFolder));
            await File.WriteAllTextAsync(Path.Combine(path, DashboardPaths.Overview), renderer.Overview(overview), cancellationToken).ConfigureAwait(false);
            foreach (var indicator in indicators)
            {
                var page = renderer.Indicator(await query.IndicatorAsync(indicator, period, null, cancellationToken).ConfigureAwait(false));
                await File.WriteAllTextAsync(Path.Combine(path, DashboardPaths.Indicator(indicator.Code)), page, cancellationToken).ConfigureAwait(false);
            }

            foreach (var submitter in Submitters.All)
            {
                var page = renderer.Scope(await query.ScopeAsync(submitter, period, null, DashboardRenderer.HistoryMonths, cancellationToken).ConfigureAwait(false));
                await File.WriteAllTextAsync(Path.Combine(path, DashboardPaths.Scope(submitter.Code)), page, cancellationToken).ConfigureAwait(false);
            }

            return 1 + indicators.Count + Submitters.All.Count;
        }

        var judged = new List<DashboardIndicator>();
        foreach (var indicator in catalog.Indicators.Where(i => overview.Entries.Any(e => e.Indicator == i.Code)))
        {
            judged.Add(await query.IndicatorAsync(indicator, period, null, cancellationToken).ConfigureAwait(false));
        }

        var sheets = DashboardSheets.Build(overview, judged, catalog);
        if (format == "xlsx")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = File.Create(path);
            DashboardWorkbook.Write(file, sheets);
            return sheets.Count;
        }

        Directory.CreateDirectory(path);
        foreach (var sheet in sheets)
        {
            await using var writer = new StreamWriter(Path.Combine(path, sheet.Name + ".csv"), append: false, DashboardCsv.Encoding);
            DashboardCsv.Write(writer, sheet);
        }

        return sheets.Count;
    }
}
