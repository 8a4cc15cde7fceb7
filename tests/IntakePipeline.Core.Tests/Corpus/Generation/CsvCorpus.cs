using System.Text;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>CSV encodings, separators and quoting, and the caps on rows, columns and size.</summary>
internal static class CsvCorpus
{
    /// <summary>The 78 indicators of 遵义's real June file, which every prefecture reports.</summary>
    public static readonly string[] PrefectureCodes =
    [
        "U06", "U08", "U08-2023", "U08-2023-2025", "U09", "U10", "U11", "U11-2023", "U11-2023-2025", "U12", "U13", "U13-2023",
        "U14", "U14-2023", "U15", "U15-2023", "U16", "U16-2023", "U16-2023-2025", "U17", "U18", "U19", "U20", "U21", "U24", "U25",
        "U26", "U27", "U28", "U29", "U30", "U31", "U32", "U33", "U34", "U35", "U36", "U37", "U38", "N01", "N02", "N03", "N04", "N05",
        "N15", "N16", "N19", "N20", "N20-2023-2025", "N21", "N21-2023-2025", "N22", "N22-2023-2025", "N23", "N23-2023-2025", "N24",
        "N25", "N26", "N27", "N28", "N29", "N30", "N32", "N33", "N34", "N35", "N36", "N49", "N50", "N51", "N52", "N55", "N57", "N58",
        "N59", "N60", "N61", "N62",
    ];

    public static IEnumerable<HostileFile> Files()
    {
        yield return CorpusText.Utf8("csv/utf8.csv", CorpusText.GoodCsv);
        yield return CorpusText.Utf8Bom("csv/utf8-bom.csv", CorpusText.GoodCsv);
        yield return CorpusText.Gb18030("csv/gb18030.csv", "指标代码,数值,单位,备注\nU14,5,万户,老旧小区改造累计完成\nU19,99.37,%,\n");
        yield return CorpusText.Gb18030("csv/gb18030-four-byte-chars.csv", "指标代码,数值,单位,备注\nU14,5,万户,𠀀𠀁㐀\nU19,99.37,%,\n");
        yield return CorpusText.Encoded("csv/big5.csv", "指標代碼,數值,單位\nU14,5,萬戶\n", 950);
        yield return CorpusText.Encoded("csv/shift-jis.csv", "指標コード,数値,単位\nU14,5,万戸\n", 932);
        yield return CorpusText.Bytes("csv/utf8-bom-then-invalid.csv", () => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("指标代码,数值\nU14,"), 0xC3, 0x28, (byte)'\n']);
        yield return CorpusText.Bytes("csv/nul-byte.csv", () => [.. Encoding.UTF8.GetBytes("指标代码,数值\nU14,5"), 0, (byte)'\n']);
        yield return CorpusText.Utf8("csv/crlf.csv", CorpusText.GoodCsv.Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return CorpusText.Utf8("csv/cr-only.csv", CorpusText.GoodCsv.Replace('\n', '\r'));
        yield return CorpusText.Utf8("csv/no-final-newline.csv", CorpusText.GoodCsv.TrimEnd('\n'));
        yield return CorpusText.Utf8("csv/semicolon-separated.csv", CorpusText.GoodCsv.Replace(',', ';'));
        yield return CorpusText.Utf8("csv/tab-separated.csv", CorpusText.GoodCsv.Replace(',', '\t'));
        yield return CorpusText.Utf8("csv/excel-sep-line.csv", "sep=,\n" + CorpusText.GoodCsv);
        yield return CorpusText.Csv("csv/all-fields-quoted.csv", "\"指标代码\",\"数值\",\"单位\"", "\"U14\",\"5\",\"万户\"", "\"U19\",\"99.37\",\"%\"");
        yield return CorpusText.Csv("csv/comma-in-quoted-note.csv", "指标代码,数值,单位,备注", "U14,5,万户,\"含逗号, 的备注\"", "U19,99.37,%,");
        yield return CorpusText.Csv("csv/doubled-quotes.csv", "指标代码,数值,单位,备注", "U14,5,万户,\"他说\"\"好\"\"\"", "U19,99.37,%,");
        yield return CorpusText.Csv("csv/multi-line-note.csv", "指标代码,数值,单位,备注", "U14,5,万户,\"第一行\n第二行\"", "U19,99.37,%,");
        yield return CorpusText.Utf8("csv/unbalanced-quote-swallows-rows.csv", SwallowedRows());
        yield return CorpusText.Csv("csv/unterminated-quote-at-end.csv", "指标代码,数值,单位,备注", "U14,5,万户,", "U19,99.37,%,\"没有闭合的备注");
        yield return CorpusText.Csv("csv/unterminated-quote-swallows-end.csv", "指标代码,数值,单位,备注", "U14,5,万户,\"备注", "U19,99.37,%,", "U06,174.8,万人,");
        yield return CorpusText.Csv("csv/stray-quote-mid-field.csv", "指标代码,数值,单位,备注", "U14,5,万户,12\"显示器", "U19,99.37,%,");
        yield return CorpusText.Csv("csv/text-after-closing-quote.csv", "指标代码,数值,单位,备注", "U14,5,万户,\"引用\"之后", "U19,99.37,%,");
        yield return CorpusText.Csv("csv/blank-lines.csv", "", "指标代码,数值,单位", "", "U14,5,万户", ",,", "U19,99.37,%", "");
        yield return CorpusText.Csv("csv/trailing-commas.csv", "指标代码,数值,单位,,", "U14,5,万户,,", "U19,99.37,%,,");
        yield return CorpusText.Csv("csv/ragged-rows.csv", "指标代码,数值,单位,备注", "U14,5,万户", "U19,99.37,%,,,");
        yield return CorpusText.Csv("csv/cell-beyond-header.csv", "指标代码,数值,单位", "U14,5,万户,多出的一格", "U19,99.37,%");
        yield return CorpusText.Csv("csv/unquoted-thousands.csv", "指标代码,数值,单位", "U15,1,106,条");
        yield return CorpusText.Csv("csv/english-headers.csv", "indicator,value,unit", "U14,5,万户", "U19,99.37,%");
        yield return CorpusText.Csv("csv/full-width-headers.csv", "ｉｎｄｉｃａｔｏｒ,ＶＡＬＵＥ,单位", "U14,5,万户");
        yield return CorpusText.Csv("csv/duplicate-value-column.csv", "指标代码,数值,value", "U14,5,6");
        yield return CorpusText.Csv("csv/missing-value-column.csv", "指标代码,单位", "U14,万户");
        yield return CorpusText.Csv("csv/header-only.csv", "指标代码,数值,单位");
        yield return CorpusText.Utf8Bom("csv/bom-only.csv", string.Empty);
        yield return CorpusText.Utf8("csv/101-columns.csv", string.Join(',', ["指标代码", "数值", .. Enumerable.Range(3, 99).Select(i => $"c{i}")]) + "\n"
            + string.Join(',', ["U14", "5", .. Enumerable.Range(3, 99).Select(i => "x")]) + "\n");
        yield return CorpusText.Utf8("csv/10001-rows.csv", "指标代码,数值,单位\n" + string.Concat(Enumerable.Repeat("U14,5,万户\n", 10_001)));
        yield return CorpusText.Bytes("csv/over-10-mib.csv", () => Encoding.UTF8.GetBytes(CorpusText.GoodCsv + "U19,99.37,%," + new string('x', 10 << 20) + "\n"));
        yield return CorpusText.Utf8("csv/five-mib-note.csv", "指标代码,数值,单位,备注\nU14,5,万户," + new string('注', 1_700_000) + "\nU19,99.37,%,\n");
        yield return CorpusText.Utf8("csv/neighbour-file.csv", Rows("520300", "2024-06"));
        yield return CorpusText.Utf8("csv/wrong-period-every-row.csv", Rows("520100", "2024-05"));
        yield return CorpusText.Csv("csv/control-characters-in-note.csv", "指标代码,数值,单位,备注", "U14,5,万户,\u0001\u0007\u001b[31m", "U19,99.37,%,");
        yield return CorpusText.Csv("csv/comment-line-first.csv", "# 贵阳市 2024年6月", "指标代码,数值,单位", "U14,5,万户");
    }

    /// <summary>
    /// A note opens a quote on row 3 that only closes in row 80's note: a CSV library recovers by reading rows 3–80 as
    /// one cell, which swallowed 76 rows without a word.
    /// </summary>
    private static string SwallowedRows()
    {
        var csv = new StringBuilder("指标代码,数值,单位,备注\nU14,5,万户,\nU19,99.37,%,\"含引号的备注\n");
        for (var i = 0; i < 76; i++)
        {
            csv.Append(PrefectureCodes[i % PrefectureCodes.Length]).Append(",1,,\n");
        }

        return csv.Append("U06,174.8,万人,结束\"\n").ToString();
    }

    /// <summary>One row per prefecture indicator, with the given 市州代码 and 期间 on every row.</summary>
    public static string Rows(string prefecture, string period)
    {
        var csv = new StringBuilder("指标代码,数值,期间,市州代码\n");
        foreach (var code in PrefectureCodes)
        {
            csv.Append(code).Append(",1,").Append(period).Append(',').Append(prefecture).Append('\n');
        }

        return csv.ToString();
    }
}
