using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using IntakePipeline.Core;
using IntakePipeline.Core.Plan;
using IntakePipeline.Core.Submissions;
using IntakePipeline.Core.Validation;

namespace IntakePipeline.Host.Tests.Cli;

public sealed class TemplateCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-template-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Template_Written_PassesOpenXmlValidator()
    {
        var file = await WriteTemplateAsync("520300", "2024-07");

        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["数据", "说明", "代码表"], sheets.Select(s => s.Name!.Value!));
        Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);
    }

    [Fact]
    public async Task Template_PartlyFilled_RoundTripsAsAcceptedSubmission()
    {
        var file = await WriteTemplateAsync("520300", "2024-07");
        FillValues(file, new Dictionary<string, string> { ["U14"] = "7.6", ["U15"] = "460", ["U21"] = "1.2" });

        var table = new SubmissionReader().Read(File.OpenRead(file), "遵义市-2024-07.xlsx");
        var catalog = PlanCatalogLoader.LoadEmbedded();
        var report = new SubmissionValidator(catalog, new Core.Evaluation.ThresholdsOptions())
            .Validate(table, new SubmissionContext("520300", new YearMonth(2024, 7), new YearMonth(2024, 8), SubmissionHistory.Empty));

        Assert.True(report.Accepted, string.Join("\n", report.Issues.Select(i => i.Message)));
        Assert.Equal(catalog.IndicatorsFor("520300").Count, table.Rows.Count);
        Assert.Equal(["U14", "U15", "U21"], report.Observations.Select(o => o.Indicator).Order());
    }

    [Fact]
    public async Task Template_WithPrevious_ShowsLastMonthsValues()
    {
        var file = await WriteTemplateAsync("520300", "2024-06", "--previous", CliRun.Sample("2024-05/遵义市-2024-05.csv"));

        var table = new SubmissionReader().Read(File.OpenRead(file), "t.xlsx");
        var previousColumn = table.Headers.ToList().IndexOf("上期值");
        var u14 = table.Rows.Single(r => r.Cells[0].Text == "U14");
        Assert.Equal("4.9", u14.Cells[previousColumn].Text);
    }

    [LibreOfficeFact]
    public async Task Template_OpensInLibreOffice()
    {
        var file = await WriteTemplateAsync("522600", "2024-07");

        var csv = await File.ReadAllTextAsync(await ConvertAsync(file, "csv:Text - txt - csv (StarCalc):44,34,76"));
        Assert.StartsWith("指标代码,指标名称,单位,数值", csv, StringComparison.Ordinal);
        Assert.Contains("U14,老旧小区改造,万户", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Written_PrintsLandscapeOnePageWideWithRepeatedHeaderAndWrappedGuide()
    {
        var file = await WriteTemplateAsync("520300", "2024-07");

        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        var workbook = document.WorkbookPart!;
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "_xlnm.Print_Titles");
        Assert.Equal(0u, titles.LocalSheetId!.Value);
        Assert.Equal("'数据'!$1:$1", titles.Text);
        foreach (var name in new[] { "数据", "说明" })
        {
            var worksheet = SheetPart(workbook, name).Worksheet;
            var setup = worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal((1u, 0u), (setup.FitToWidth!.Value, setup.FitToHeight!.Value));
            Assert.True(worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        }

        // Every 说明 line wraps in a column that fits A4 landscape (297 mm less 1 inch of margins) at 96 dpi, 7 px a character.
        var guide = SheetPart(workbook, "说明").Worksheet;
        var width = guide.GetFirstChild<Columns>()!.Elements<Column>().Single().Width!.Value;
        Assert.InRange(width * 7, 60 * 7, ((297 / 25.4) - 1) * 96);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.All(
            guide.GetFirstChild<SheetData>()!.Descendants<Cell>(),
            cell => Assert.True(formats[(int)cell.StyleIndex!.Value].Alignment?.WrapText?.Value, cell.CellReference));
    }

    [LibreOfficeFact]
    public async Task Template_ExportedToPdfByLibreOffice_DataSheetIsOnePageWideAndGuideOnePage()
    {
        var file = await WriteTemplateAsync("520300", "2024-07");
        // Only the header and the rows with the longest names stay, so the data sheet is one page tall and its page
        // count is how many pages wide it prints.
        KeepLongestDataRows(file, 3);

        var pdf = await ConvertAsync(file, "pdf");

        var text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf));
        var pages = System.Text.RegularExpressions.Regex.Matches(text, @"/Type\s*/Page(?!s)").Count;
        Assert.Equal(2, pages);
        var boxes = System.Text.RegularExpressions.Regex.Matches(text, @"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)");
        Assert.NotEmpty(boxes);
        Assert.All(boxes, box => Assert.True(
            double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            "portrait page: " + box.Value));
    }

    private async Task<string> ConvertAsync(string file, string filter)
    {
        using var process = Process.Start(new ProcessStartInfo("soffice",
            ["--headless", "--norestore", $"-env:UserInstallation=file://{_folder.FullName}/lo-profile", "--convert-to", filter, "--outdir", _folder.FullName, file])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            // LibreOffice's first start in a fresh profile takes a while on a busy machine.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return Path.ChangeExtension(file, "." + filter.Split(':')[0]);
    }

    private static WorksheetPart SheetPart(WorkbookPart workbook, string name) =>
        (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!);

    private static void KeepLongestDataRows(string file, int count)
    {
        using var document = SpreadsheetDocument.Open(file, isEditable: true);
        var workbook = document.WorkbookPart!;
        var data = SheetPart(workbook, "数据").Worksheet.GetFirstChild<SheetData>()!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var rows = data.Elements<Row>().Skip(1).ToList();
        var keep = rows.OrderByDescending(r => strings[int.Parse(r.Elements<Cell>().ElementAt(1).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)].Length).Take(count).ToHashSet();
        var index = 1u;
        foreach (var row in rows)
        {
            if (!keep.Contains(row))
            {
                row.Remove();
                continue;
            }

            row.RowIndex = ++index;
            foreach (var cell in row.Elements<Cell>())
            {
                cell.CellReference = cell.CellReference!.Value![..1] + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private async Task<string> WriteTemplateAsync(string prefecture, string period, params string[] extra)
    {
        var file = Path.Combine(_folder.FullName, $"{prefecture}-{period}.xlsx");
        var (exitCode, output, error) = await CliRun.RunAsync(["template", "-p", prefecture, "--period", period, "-o", file, .. extra]);
        Assert.True(exitCode == 0, error);
        Assert.Contains(file, output, StringComparison.Ordinal);
        return file;
    }

    private static void FillValues(string file, IReadOnlyDictionary<string, string> values)
    {
        using var document = SpreadsheetDocument.Open(file, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "数据");
        var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        foreach (var row in data.Elements<Row>().Skip(1))
        {
            var code = strings[int.Parse(row.Elements<Cell>().First().CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
            if (values.TryGetValue(code, out var value))
            {
                var cell = row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('D'));
                cell.CellValue = new CellValue(value);
            }
        }
    }
}
