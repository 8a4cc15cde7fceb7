using System.Text;

namespace IntakePipeline.Core.Tests.Corpus;

/// <summary>JSON shapes, encodings and escapes.</summary>
internal static class JsonCorpus
{
    public static IEnumerable<HostileFile> Files()
    {
        yield return CorpusText.Utf8("json/array-of-rows.json", CorpusText.GoodJson);
        yield return CorpusText.Utf8Bom("json/utf8-bom.json", CorpusText.GoodJson);
        yield return CorpusText.Gb18030("json/gb18030-ansi.json", """[{"指标代码":"U14","数值":"5","单位":"万户","备注":"贵阳市上报"},{"指标代码":"U19","数值":99.37,"单位":"%"}]""");
        yield return CorpusText.Utf8("json/english-keys.json", """[{"indicator":"U14","value":5,"unit":"万户"},{"indicator":"U19","value":"99.37","unit":"%"}]""");
        yield return CorpusText.Utf8("json/escaped-chinese-keys.json", """[{"\u6307\u6807\u4ee3\u7801":"U14","\u6570\u503c":5,"\u5355\u4f4d":"\u4e07\u6237"}]""");
        yield return CorpusText.Utf8("json/lone-surrogate-in-value.json", """[{"指标代码":"U14","数值":5,"单位":"万户","备注":"\ud800"}]""");
        yield return CorpusText.Utf8("json/lone-surrogate-in-key.json", """[{"指标代码":"U14","数值":5,"\udc00备注":"x"}]""");
        yield return CorpusText.Utf8("json/surrogate-pair-emoji.json", """[{"指标代码":"U14","数值":5,"单位":"万户","备注":"\ud83d\ude00 完成"}]""");
        yield return CorpusText.Utf8("json/escaped-nul-in-note.json", """[{"指标代码":"U14","数值":5,"单位":"万户","备注":"a\u0000b"}]""");
        yield return CorpusText.Utf8("json/invalid-escape.json", """[{"指标代码":"U14","数值":5,"备注":"\x41"}]""");
        yield return CorpusText.Utf8("json/number-exponent.json", """[{"指标代码":"U14","数值":5e0,"单位":"万户"}]""");
        yield return CorpusText.Utf8("json/number-too-large.json", """[{"指标代码":"U14","数值":1e400,"单位":"万户"}]""");
        yield return CorpusText.Utf8("json/boolean-value.json", """[{"指标代码":"U14","数值":true,"单位":"万户"}]""");
        yield return CorpusText.Utf8("json/null-value.json", """[{"指标代码":"U14","数值":null,"单位":"万户"},{"指标代码":"U19","数值":99.37,"单位":"%"}]""");
        yield return CorpusText.Utf8("json/object-value.json", """[{"指标代码":"U14","数值":{"v":5},"单位":"万户"}]""");
        yield return CorpusText.Utf8("json/array-value.json", """[{"指标代码":"U14","数值":[5],"单位":"万户"}]""");
        yield return CorpusText.Utf8("json/object-root.json", """{"指标代码":"U14","数值":5}""");
        yield return CorpusText.Utf8("json/wrapped-in-object.json", """{"rows":[{"指标代码":"U14","数值":5}]}""");
        yield return CorpusText.Utf8("json/string-root.json", "\"U14\"");
        yield return CorpusText.Utf8("json/number-root.json", "5");
        yield return CorpusText.Utf8("json/null-root.json", "null");
        yield return CorpusText.Utf8("json/array-of-arrays.json", """[["指标代码","数值"],["U14",5]]""");
        yield return CorpusText.Utf8("json/later-row-not-object.json", """[{"指标代码":"U14","数值":5,"单位":"万户"},5]""");
        yield return CorpusText.Utf8("json/empty-array.json", "[]");
        yield return CorpusText.Utf8("json/duplicate-key.json", """[{"指标代码":"U14","数值":5,"数值":99}]""");
        yield return CorpusText.Utf8("json/keys-differ-by-row.json", """[{"指标代码":"U14","数值":5,"单位":"万户"},{"indicator":"U19","value":99.37,"unit":"%"}]""");
        yield return CorpusText.Utf8("json/extra-keys.json", """[{"指标代码":"U14","数值":5,"单位":"万户","填报人":"张三"}]""");
        yield return CorpusText.Utf8("json/deep-nesting.json", "[{\"指标代码\":\"U14\",\"数值\":" + new string('[', 5000) + new string(']', 5000) + "}]");
        yield return CorpusText.Utf8("json/trailing-comma.json", """[{"指标代码":"U14","数值":5,},]""");
        yield return CorpusText.Utf8("json/comments.json", "// 贵阳\n[{\"指标代码\":\"U14\",\"数值\":5}]");
        yield return CorpusText.Utf8("json/nan-literal.json", """[{"指标代码":"U14","数值":NaN}]""");
        yield return CorpusText.Utf8("json/single-quotes.json", "[{'指标代码':'U14','数值':5}]");
        yield return CorpusText.Utf8("json/ndjson.json", "{\"指标代码\":\"U14\",\"数值\":5}\n{\"指标代码\":\"U19\",\"数值\":99.37}\n");
        yield return CorpusText.Utf8("json/truncated.json", CorpusText.GoodJson[..40]);
        yield return CorpusText.Utf8("json/101-keys.json", "[{\"指标代码\":\"U14\",\"数值\":5" + string.Concat(Enumerable.Range(3, 99).Select(i => $",\"k{i}\":\"x\"")) + "}]");
        yield return CorpusText.Bytes("json/10001-rows.json", () => Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{\"指标代码\":\"U14\",\"数值\":5}", 10_001)) + "]"));
    }
}
