using System.Text.Json;

namespace IntakePipeline.Host.Tests.Cli;

public class PlanCommandTests
{
    [Fact]
    public async Task Export_PrintsTheDocumentedShape()
    {
        var (exitCode, output, _) = await CliRun.RunAsync("plan", "export");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(38, indicators.Count(i => i.GetProperty("code").GetString() is { Length: 3 } code && code[0] == 'U'));
        string[] indicatorFields = ["code", "name", "unit", "category", "kind", "direction", "aggregation", "frequency", "window", "flow2020"];
        Assert.All(indicators, i => Assert.All(indicatorFields, f => Assert.True(i.TryGetProperty(f, out _), f)));
        var u14 = indicators.Single(i => i.GetProperty("code").GetString() == "U14");
        Assert.Equal("cumulative", u14.GetProperty("kind").GetString());
        Assert.Equal("2021-01", u14.GetProperty("window").GetProperty("start").GetString());

        var targets = json.RootElement.GetProperty("targets").EnumerateArray().ToList();
        var zunyi = targets.Single(t => t.GetProperty("indicator").GetString() == "U14" && t.GetProperty("scope").GetString() == "520300");
        Assert.Equal(10.5, zunyi.GetProperty("value").GetDouble());
        Assert.Equal("2025-12", zunyi.GetProperty("date").GetString());
        Assert.False(zunyi.GetProperty("superseded").GetBoolean());
        Assert.Contains("黔发改城镇〔2022〕22号", zunyi.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReportsTheKnownMismatchesAndExitsZero()
    {
        var (exitCode, output, _) = await CliRun.RunAsync("plan", "check");

        Assert.Equal(0, exitCode);
        Assert.Contains("41.08", output, StringComparison.Ordinal);
        Assert.Contains("649", output, StringComparison.Ordinal);
        Assert.Contains("107.7", output, StringComparison.Ordinal);
    }
}
