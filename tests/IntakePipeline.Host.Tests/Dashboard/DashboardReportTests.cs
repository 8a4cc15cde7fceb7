using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using IntakePipeline.Core;
using IntakePipeline.Core.Dashboard;
using IntakePipeline.Core.Plan;
using IntakePipeline.Host.Standalone;
using IntakePipeline.Pipeline.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace IntakePipeline.Host.Tests.Dashboard;

/// <summary><c>intake report</c>'s export, from the same tables as the served dashboard.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardReportTests(DashboardSite site)
{
    private static readonly YearMonth _june = new(2024, 6);

    [Fact]
    public async Task Export_Html_WritesLinkedPagesWhoseLinksAllResolveInTheFolder()
    {
        var folder = Folder();

        var written = await ExportAsync("html", folder);

        Assert.True(File.Exists(Path.Combine(folder, "index.html")));
        Assert.True(File.Exists(Path.Combine(folder, "indicator", "U14.html")));
        Assert.True(File.Exists(Path.Combine(folder, "prefecture", "520300.html")));
        Assert.Equal(Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories).Count(), written);
        var missing = new List<string>();
        foreach (var page in Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories))
        {
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(page), "href=\"([^\"#]+)"))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(link.Groups[1].Value)));
                if (!File.Exists(target))
                {
                    missing.Add($"{Path.GetRelativePath(folder, page)} → {link.Groups[1].Value}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Export_Xlsx_HasAStatusColouredOverviewAndASheetPerIndicator()
    {
        var file = Path.Combine(Folder(), "report.xlsx");

        await ExportAsync("xlsx", file);

        using var document = SpreadsheetDocument.Open(file, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(DashboardSheets.OverviewName, sheets[0]);
        Assert.Contains("U14", sheets);
        var fills = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>()
            .Select(f => f.PatternFill?.ForegroundColor?.Rgb?.Value).ToList();
        Assert.Contains("FFB00020", fills);
    }

    [Fact]
    public async Task Export_Csv_WritesOneFilePerSheetInUtf8WithBom()
    {
        var folder = Folder();

        var written = await ExportAsync("csv", folder);

        var files = Directory.GetFiles(folder, "*.csv");
        Assert.Equal(written, files.Length);
        var u14 = await File.ReadAllBytesAsync(Path.Combine(folder, "U14.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, u14[..3]);
        var text = System.Text.Encoding.UTF8.GetString(u14);
        Assert.Contains("遵义市,520300,严重滞后,5,7.35,10.5,2025-12", text, StringComparison.Ordinal);
    }

    private Task<int> ExportAsync(string format, string path) => ReportCommand.ExportAsync(
        site.Host.Services.GetRequiredService<DashboardQuery>(),
        site.Host.Services.GetRequiredService<DashboardRenderer>(),
        site.Host.Services.GetRequiredService<PlanCatalog>(),
        _june,
        format,
        path,
        CancellationToken.None);

    private static string Folder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "intake-report-" + Guid.NewGuid().ToString("N"))).FullName;
}
