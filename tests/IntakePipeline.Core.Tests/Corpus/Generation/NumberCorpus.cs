namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>Numbers at the edges: overflow once scaled, the limits of a double, and the ways officers type numbers.</summary>
internal static class NumberCorpus
{
    public static IEnumerable<HostileFile> Files()
    {
        yield return Row("numbers/overflow-after-wan.csv", "U16,1e305万,");
        yield return Row("numbers/overflow-after-unit-conversion.csv", "N02,1e308,万人");
        yield return CorpusText.Utf8("numbers/overflow-after-wan.json", """[{"指标代码":"U16","数值":"1e305万"},{"指标代码":"U19","数值":99.37,"单位":"%"}]""");
        yield return Row("numbers/largest-double.csv", "U15,1.7976931348623157e308,条");
        yield return Row("numbers/beyond-double.csv", "U15,1e309,条");
        yield return Row("numbers/huge-exponent.csv", "U15,1e99999,条");
        yield return Row("numbers/smallest-subnormal.csv", "U15,5e-324,条");
        yield return Row("numbers/negative-zero.csv", "U15,-0,条");
        yield return Row("numbers/negative-count.csv", "U15,-5,条");
        yield return Row("numbers/percent-over-100.csv", "U20,100.01,%");
        yield return Row("numbers/percent-suffix.csv", "U20,95.26%,");
        yield return Row("numbers/full-width-percent.csv", "U20,９５．２６％,");
        yield return Row("numbers/wan-suffix-on-wan-unit.csv", "U10,55.67万,");
        yield return Row("numbers/wan-suffix-on-base-unit.csv", "U15,1.1万,条");
        yield return Row("numbers/hu-to-wan-hu.csv", "U10,556700,户");
        yield return Row("numbers/thousands-separator.csv", "U15,\"1,106\",条");
        yield return Row("numbers/bad-grouping.csv", "U15,\"1,2,3\",条");
        yield return Row("numbers/leading-plus.csv", "U15,+486,条");
        yield return Row("numbers/unicode-minus-rate.csv", "U36,\u22123.5,%");
        yield return Row("numbers/negative-rate.csv", "U36,-3.5,%");
        yield return Row("numbers/hexadecimal.csv", "U15,0x1E6,条");
        yield return Row("numbers/infinity-word.csv", "U15,Infinity,条");
        yield return Row("numbers/infinity-sign.csv", "U15,∞,条");
        yield return Row("numbers/nan-word.csv", "U15,NaN,条");
        yield return Row("numbers/seventeen-digits.csv", "U20,95.260000000000005,%");
        yield return Row("numbers/sixty-five-characters.csv", "U15," + new string('1', 65) + ",条");
        yield return Row("numbers/space-inside.csv", "U15,4 86,条");
        yield return Row("numbers/trailing-dot.csv", "U15,486.,条");
        yield return Row("numbers/leading-dot.csv", "U20,.5,%");
        yield return Row("numbers/chinese-numerals.csv", "U15,四百八十六,条");
        yield return new("numbers/xlsx-largest-double.xlsx", CorpusWorkbook.Of(
            [XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位")], [XCell.Text("U15"), XCell.Number("1.7976931348623157E+308"), XCell.Text("条")]).Build);
        yield return new("numbers/xlsx-subnormal.xlsx", CorpusWorkbook.Of(
            [XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位")], [XCell.Text("U15"), XCell.Number("1E-320"), XCell.Text("条")]).Build);
        yield return new("numbers/xlsx-nan-stored.xlsx", CorpusWorkbook.Of(
            [XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位")], [XCell.Text("U15"), XCell.Number("NaN"), XCell.Text("条")]).Build);
        yield return new("numbers/xlsx-overflow-percent.xlsx", CorpusWorkbook.Of(
            [XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位")], [XCell.Text("U20"), XCell.Number("1.7976931348623157E+308", CorpusWorkbook.Percent), XCell.Text("%")]).Build);
    }

    /// <summary>A CSV with the good U19 row and the given row.</summary>
    private static HostileFile Row(string name, string row) => CorpusText.Csv(name, "指标代码,数值,单位", "U19,99.37,%", row);
}
