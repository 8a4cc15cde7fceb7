namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>Every cell type and number format, and the sheet choices: what the officer sees is what is stored.</summary>
internal static class CellCorpus
{
    private static readonly XCell[] _header = [XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位")];
    private static readonly XCell[] _u19 = [XCell.Text("U19"), XCell.Number("99.37"), XCell.Text("%")];

    public static IEnumerable<HostileFile> Files()
    {
        yield return Book("cells/inline-strings.xlsx", CorpusWorkbook.Of(CorpusWorkbook.GoodRows));
        yield return new("cells/shared-strings.xlsx", () =>
        {
            var workbook = new CorpusWorkbook();
            int S(string text) => workbook.AddSharedString($"<si><t>{text}</t></si>");
            workbook.AddSheet("数据",
            [
                [XCell.Shared(S("指标代码")), XCell.Shared(S("数值")), XCell.Shared(S("单位"))],
                [XCell.Shared(S("U14")), XCell.Number("5"), XCell.Shared(S("万户"))],
            ]);
            return workbook.Build();
        });
        yield return new("cells/rich-text-and-phonetic.xlsx", () =>
        {
            var workbook = new CorpusWorkbook();
            var code = workbook.AddSharedString("<si><r><rPr><b/></rPr><t>U1</t></r><r><t>4</t></r><rPh sb=\"0\" eb=\"1\"><t>ユー</t></rPh></si>");
            workbook.AddSheet("数据", [_header, [XCell.Shared(code), XCell.Number("5"), XCell.Text("万户")]]);
            return workbook.Build();
        });
        yield return Value("cells/number-as-text.xlsx", XCell.Text("5"));
        yield return Value("cells/text-format-number.xlsx", XCell.Text("5.0") with { Style = CorpusWorkbook.TextFormat });
        yield return Value("cells/number-exponent-stored.xlsx", XCell.Number("5E0"));
        yield return Value("cells/number-float-noise.xlsx", XCell.Number("4.9999999999999991"));
        yield return Value("cells/thousands-format.xlsx", XCell.Number("5", CorpusWorkbook.Thousands));
        yield return Value("cells/scientific-format.xlsx", XCell.Number("5", CorpusWorkbook.Scientific));
        yield return Value("cells/fraction-format.xlsx", XCell.Number("5", CorpusWorkbook.Fraction));
        yield return Value("cells/currency-format.xlsx", XCell.Number("5", CorpusWorkbook.Currency));
        yield return Value("cells/time-format.xlsx", XCell.Number("0.5", CorpusWorkbook.Time));
        yield return Value("cells/elapsed-time-format.xlsx", XCell.Number("5", CorpusWorkbook.ElapsedTime));
        yield return Value("cells/date-format-value.xlsx", XCell.Number("45458", CorpusWorkbook.Date));
        yield return Value("cells/boolean-value.xlsx", XCell.Boolean(true));
        yield return Value("cells/error-value.xlsx", XCell.Error("#N/A"));
        yield return Value("cells/formula-cached.xlsx", XCell.Formula("2+3", "5"));
        yield return Value("cells/formula-without-cache.xlsx", XCell.Formula("2+3", null));
        yield return Value("cells/formula-string-result.xlsx", XCell.Formula("\"5\"", "5", "str"));
        yield return Value("cells/formula-error-result.xlsx", XCell.Formula("1/0", "#DIV/0!", "e"));
        yield return Value("cells/shared-formula.xlsx", XCell.Raw("<f t=\"shared\" ref=\"B2:B3\" si=\"0\">2+3</f><v>5</v>"));
        yield return Value("cells/array-formula.xlsx", XCell.Raw("<f t=\"array\" ref=\"B2\">SUM({2,3})</f><v>5</v>"));
        yield return Percent("cells/percent-format.xlsx", XCell.Number("0.99", CorpusWorkbook.Percent), "%");
        yield return Percent("cells/custom-percent-format.xlsx", XCell.Number("0.995", CorpusWorkbook.CustomPercent), "%");
        yield return Percent("cells/quoted-percent-literal.xlsx", XCell.Number("99.37", CorpusWorkbook.QuotedPercent), "%");
        yield return Percent("cells/percent-format-blank-unit.xlsx", XCell.Number("0.99", CorpusWorkbook.Percent), null);
        yield return Note("cells/date-serial-max-1900.xlsx", XCell.Number("2958465.9999999995", CorpusWorkbook.Date), date1904: false);
        yield return Note("cells/date-serial-max-1904.xlsx", XCell.Number("2957003.9999999995", CorpusWorkbook.Date), date1904: true);
        yield return Note("cells/date-serial-beyond-max.xlsx", XCell.Number("2958466", CorpusWorkbook.ChineseDate), date1904: false);
        yield return Note("cells/date-serial-negative.xlsx", XCell.Number("-1", CorpusWorkbook.Date), date1904: false);
        yield return Note("cells/date-iso-cell.xlsx", XCell.Raw("<v>2024-06-15T00:00:00</v>", "d", CorpusWorkbook.Date), date1904: false);
        yield return Note("cells/error-in-note.xlsx", XCell.Error("#DIV/0!"), date1904: false);
        yield return Period("cells/period-as-date-1900.xlsx", XCell.Number("45444", CorpusWorkbook.ChineseDate), date1904: false);
        yield return Period("cells/period-as-date-1904.xlsx", XCell.Number("43982", CorpusWorkbook.Date), date1904: true);
        yield return Book("cells/no-cell-references.xlsx", new CorpusWorkbook().AddSheetXml("数据", CorpusWorkbook.SheetXml(CorpusWorkbook.GoodRows, references: false)));
        yield return Book("cells/rows-with-gaps.xlsx", new CorpusWorkbook().AddSheetXml("数据",
            CorpusWorkbook.SheetXml(CorpusWorkbook.GoodRows).Replace("r=\"3\"", "r=\"300\"", StringComparison.Ordinal).Replace("A3\"", "A300\"", StringComparison.Ordinal)
                .Replace("B3\"", "B300\"", StringComparison.Ordinal).Replace("C3\"", "C300\"", StringComparison.Ordinal)));
        yield return Book("cells/shared-string-index-out-of-range.xlsx", CorpusWorkbook.Of(_header, [XCell.Shared(999), XCell.Number("5"), XCell.Text("万户")]));
        yield return Book("cells/bad-cell-reference.xlsx", new CorpusWorkbook().AddSheetXml("数据",
            CorpusWorkbook.SheetXml(CorpusWorkbook.GoodRows).Replace("r=\"B2\"", "r=\"2B\"", StringComparison.Ordinal)));
        yield return Book("cells/row-number-past-excel.xlsx", new CorpusWorkbook().AddSheetXml("数据",
            CorpusWorkbook.SheetXml(CorpusWorkbook.GoodRows).Replace("<row r=\"3\">", "<row r=\"1048577\">", StringComparison.Ordinal)));
        yield return Book("cells/data-sheet-second.xlsx", new CorpusWorkbook()
            .AddSheet("说明", [[XCell.Text("指标代码"), XCell.Text("数值")], [XCell.Text("U14"), XCell.Number("99")]])
            .AddSheet("数据", CorpusWorkbook.GoodRows));
        yield return Book("cells/hidden-code-list-first.xlsx", new CorpusWorkbook()
            .AddSheet("代码表", [[XCell.Text("指标代码"), XCell.Text("数值")], [XCell.Text("U14"), XCell.Number("99")]], "hidden")
            .AddSheet("Sheet1", CorpusWorkbook.GoodRows));
        yield return Book("cells/hidden-data-sheet.xlsx", new CorpusWorkbook()
            .AddSheet("数据", [[XCell.Text("指标代码"), XCell.Text("数值")], [XCell.Text("U14"), XCell.Number("99")]], "hidden")
            .AddSheet("Sheet1", CorpusWorkbook.GoodRows));
        yield return Book("cells/very-hidden-data-sheet.xlsx", new CorpusWorkbook()
            .AddSheet("Sheet1", CorpusWorkbook.GoodRows)
            .AddSheet("数据", [[XCell.Text("指标代码"), XCell.Text("数值")], [XCell.Text("U14"), XCell.Number("99")]], "veryHidden"));
        yield return Book("cells/no-visible-sheet.xlsx", new CorpusWorkbook().AddSheet("Sheet1", CorpusWorkbook.GoodRows, "hidden"));
        yield return Book("cells/data-sheet-name-padded.xlsx", new CorpusWorkbook()
            .AddSheet("Sheet1", [[XCell.Text("指标代码"), XCell.Text("数值")], [XCell.Text("U14"), XCell.Number("99")]])
            .AddSheet(" 数据 ", CorpusWorkbook.GoodRows));
        yield return Book("cells/merged-cells.xlsx", new CorpusWorkbook().AddSheetXml("数据",
            CorpusWorkbook.SheetXml(CorpusWorkbook.GoodRows).Replace("</sheetData>", "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"D1:E3\"/></mergeCells>", StringComparison.Ordinal)));
        yield return Book("cells/empty-sheet.xlsx", new CorpusWorkbook().AddSheet("数据", []));
        yield return Book("cells/header-only.xlsx", CorpusWorkbook.Of(_header));
        yield return Book("cells/styled-blank-cells.xlsx", CorpusWorkbook.Of(_header, [XCell.Text("U14"), XCell.Number("5"), XCell.Text("万户"), XCell.Raw(string.Empty, null, CorpusWorkbook.Percent)], _u19));
    }

    private static HostileFile Book(string name, CorpusWorkbook workbook) => new(name, workbook.Build);

    private static HostileFile Value(string name, XCell value) =>
        Book(name, CorpusWorkbook.Of(_header, [XCell.Text("U14"), value, XCell.Text("万户")], _u19));

    private static HostileFile Percent(string name, XCell value, string? unit) =>
        Book(name, CorpusWorkbook.Of(_header, [XCell.Text("U19"), value, unit is null ? XCell.Raw(string.Empty) : XCell.Text(unit)]));

    private static HostileFile Note(string name, XCell note, bool date1904) =>
        Book(name, new CorpusWorkbook { Date1904 = date1904 }.AddSheet("数据",
            [[XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位"), XCell.Text("备注")], [XCell.Text("U14"), XCell.Number("5"), XCell.Text("万户"), note]]));

    private static HostileFile Period(string name, XCell period, bool date1904) =>
        Book(name, new CorpusWorkbook { Date1904 = date1904 }.AddSheet("数据",
            [[XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位"), XCell.Text("期间")], [XCell.Text("U14"), XCell.Number("5"), XCell.Text("万户"), period]]));
}
