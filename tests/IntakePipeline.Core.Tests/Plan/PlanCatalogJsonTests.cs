using System.Text;
using System.Text.Json;
using IntakePipeline.Core.Plan;

namespace IntakePipeline.Core.Tests.Plan;

public class PlanCatalogJsonTests
{
    // 专栏1's 2020 column, U01…U38, as printed.
    private static readonly double[] _zhuanlan1Year2020 =
    [
        53.15, 1870.24, 1052.4, 484.47, 409.7, 526.7, 672.3, 61.64, 37, 346.76,
        5000, 2.06, 5.7, 5.96, 0, 3063, 6.2, 55, 96, 94.7,
        2.07, 8.75, 74.5, 0.74, 30, 1.63, 99.4, 98.2, 35, 20,
        95, 61, 0, 0.05, 51, 4.9, 8.2, 3.1,
    ];

    private static readonly JsonElement _root = Export(PlanCatalogLoader.LoadEmbedded());

    [Fact]
    public void Write_RealCatalog_HasTheStableShape()
    {
        Assert.Equal(["indicators", "targets"], _root.EnumerateObject().Select(p => p.Name));
        Assert.All(_root.GetProperty("indicators").EnumerateArray(), i => Assert.Equal(
            ["code", "name", "unit", "category", "kind", "direction", "aggregation", "frequency", "window", "flow2020"],
            i.EnumerateObject().Select(p => p.Name)));
        Assert.All(_root.GetProperty("targets").EnumerateArray(), t => Assert.Equal(
            ["indicator", "scope", "date", "value", "qualifier", "source", "superseded"],
            t.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void Write_Indicators_UseCsvWordsWindowAndFlow()
    {
        var u01 = Indicator("U01");
        Assert.Equal("常住人口城镇化率", u01.GetProperty("name").GetString());
        Assert.Equal("level", u01.GetProperty("kind").GetString());
        Assert.Equal("none", u01.GetProperty("aggregation").GetString());
        Assert.Equal("annual", u01.GetProperty("frequency").GetString());
        Assert.Equal(JsonValueKind.Null, u01.GetProperty("window").ValueKind);
        Assert.Equal(JsonValueKind.Null, u01.GetProperty("flow2020").ValueKind);

        var u13 = Indicator("U13");
        Assert.Equal("cumulative", u13.GetProperty("kind").GetString());
        Assert.Equal("sum", u13.GetProperty("aggregation").GetString());
        Assert.Equal("2021-01", u13.GetProperty("window").GetProperty("start").GetString());
        Assert.Equal("2025-12", u13.GetProperty("window").GetProperty("end").GetString());
        Assert.Equal(5.7, u13.GetProperty("flow2020").GetDouble());
        Assert.Equal("down", Indicator("U38").GetProperty("direction").GetString());
        Assert.Equal("floor", Indicator("U27").GetProperty("kind").GetString());
    }

    [Fact]
    public void Write_Targets_CarryQualifierSourceAndSuperseded()
    {
        var u01 = _root.GetProperty("targets").EnumerateArray().Where(t => t.GetProperty("indicator").GetString() == "U01").ToList();
        Assert.Equal(
            ["2020-12|53.15||False", "2025-12|62|左右|True", "2023-12|56|以上|False", "2025-12|60|左右|False"],
            u01.Select(t => $"{t.GetProperty("date").GetString()}|{t.GetProperty("value").GetDouble()}|{t.GetProperty("qualifier").GetString()}|{t.GetProperty("superseded").GetBoolean()}"));
        Assert.Equal(JsonValueKind.Null, u01[0].GetProperty("qualifier").ValueKind);
        Assert.Equal("黔发改城镇〔2023〕571号 二、工作目标", u01[2].GetProperty("source").GetString());
        Assert.Equal("520000", u01[0].GetProperty("scope").GetString());
    }

    [Fact]
    public void Write_EveryZhuanlan1Figure2020_AppearsAsBaselineOrFlow()
    {
        var targets = _root.GetProperty("targets").EnumerateArray().ToList();
        for (var n = 1; n <= 38; n++)
        {
            var code = $"U{n:00}";
            var indicator = Indicator(code);
            var expected = _zhuanlan1Year2020[n - 1];
            if (indicator.GetProperty("kind").GetString() == "cumulative")
            {
                Assert.Equal(expected, indicator.GetProperty("flow2020").GetDouble());
                Assert.DoesNotContain(targets, t => t.GetProperty("indicator").GetString() == code && t.GetProperty("date").GetString() == "2020-12");
            }
            else
            {
                Assert.Contains(targets, t => t.GetProperty("indicator").GetString() == code
                    && t.GetProperty("scope").GetString() == "520000"
                    && t.GetProperty("date").GetString() == "2020-12"
                    && t.GetProperty("value").GetDouble() == expected);
            }
        }
    }

    [Fact]
    public void Write_Stream_KeepsChineseUnescaped()
    {
        using var stream = new MemoryStream();
        PlanCatalogJson.Write(PlanCatalogLoader.LoadEmbedded(), stream, indented: false);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"name\":\"常住人口城镇化率\"", text, StringComparison.Ordinal);
        Assert.Contains("\"qualifier\":\"左右\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    private static JsonElement Indicator(string code) =>
        _root.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static JsonElement Export(PlanCatalog catalog)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            PlanCatalogJson.Write(catalog, writer);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }
}
