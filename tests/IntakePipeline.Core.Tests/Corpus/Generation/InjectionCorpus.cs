namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>Formula injection in every column the contract knows, in an unknown one, and with each trigger character.</summary>
internal static class InjectionCorpus
{
    private const string Header = "指标代码,指标名称,数值,单位,上期值,备注,期间,市州代码,填报人";
    private const string Payload = "=cmd|' /C calc'!A0";

    private static readonly string[] _good = ["U14", "老旧小区改造", "5", "万户", "4.9", "", "2024-06", "520300", "张三"];

    public static IEnumerable<HostileFile> Files()
    {
        var columns = Header.Split(',');
        for (var i = 0; i < columns.Length; i++)
        {
            var row = (string[])_good.Clone();
            row[i] = Quote(Payload);
            yield return CorpusText.Csv($"injection/csv-column-{i + 1}.csv", Header, string.Join(',', row));
        }

        foreach (var (slug, payload) in new[]
        {
            ("plus", "+1+cmd|' /C calc'!A0"), ("minus", "-2+3+cmd|' /C calc'!A0"), ("at", "@SUM(1+1)*cmd|' /C calc'!A0"),
            ("leading-space", "  =HYPERLINK(\"http://127.0.0.1:9/\",\"点击\")"), ("tab-prefix", "\t=1+1"), ("dde", "=DDE(\"cmd\";\"/C calc\";\"!A0\")"),
        })
        {
            var row = (string[])_good.Clone();
            row[5] = Quote(payload);
            yield return CorpusText.Csv($"injection/note-{slug}.csv", Header, string.Join(',', row));
        }

        yield return CorpusText.Csv("injection/full-width-equals.csv", Header, string.Join(',', _good[..5]) + ",＝1+1," + string.Join(',', _good[6..]));
        yield return CorpusText.Utf8("injection/json-note.json", """[{"指标代码":"U14","数值":5,"单位":"万户","备注":"=1+1"}]""");
        yield return CorpusText.Utf8("injection/json-key.json", """[{"指标代码":"U14","数值":5,"单位":"万户","=cmd|' /C calc'!A0":"x"}]""");
        yield return new("injection/xlsx-text-cell.xlsx", CorpusWorkbook.Of(
            [XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位"), XCell.Text("备注")],
            [XCell.Text("U14"), XCell.Number("5"), XCell.Text("万户"), XCell.Text("=HYPERLINK(\"http://127.0.0.1:9/\")")]).Build);
        yield return new("injection/xlsx-header.xlsx", CorpusWorkbook.Of(
            [XCell.Text("指标代码"), XCell.Text("数值"), XCell.Text("单位"), XCell.Text("=1+1")],
            [XCell.Text("U14"), XCell.Number("5"), XCell.Text("万户"), XCell.Text("x")]).Build);
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
