using System.Text.Json;

namespace IntakePipeline.Host.Tests.Cli;

public class ValidateCommandTests
{
    [Fact]
    public async Task Validate_AcceptedGb18030Sample_ExitsZeroAndSaysSo()
    {
        var (exitCode, output, _) = await CliRun.RunAsync("validate", CliRun.Sample("2024-06/遵义市-2024-06.csv"), "--prefecture", "520300", "--period", "2024-06");

        Assert.Equal(0, exitCode);
        Assert.Contains("结果：通过", output, StringComparison.Ordinal);
        Assert.Contains("编码：GB18030", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidSampleAsJson_ExitsOneWithEveryIssue()
    {
        var (exitCode, output, _) = await CliRun.RunAsync("validate", CliRun.Sample("2024-06/铜仁市-2024-06.csv"), "-p", "520600", "--period", "2024-06", "--json");

        Assert.Equal(1, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("rejected", root.GetProperty("outcome").GetString());
        Assert.Equal("UTF-8-BOM", root.GetProperty("encoding").GetString());
        Assert.Empty(root.GetProperty("observations").EnumerateArray());
        var codes = root.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "type-error", "unit-mismatch", "formula-injection", "unknown-indicator", "indicator-not-allocated", "duplicate-row", "period-mismatch" },
            codes);
        var first = root.GetProperty("issues")[0];
        Assert.Equal(JsonValueKind.Number, first.GetProperty("row").ValueKind);
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Validate_AcceptedJson_ListsObservationsInCanonicalUnits()
    {
        var (exitCode, output, _) = await CliRun.RunAsync("validate", CliRun.Sample("2024-06/毕节市-2024-06.json"), "-p", "520500", "--period", "2024-06", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var observations = json.RootElement.GetProperty("observations").EnumerateArray().ToList();
        Assert.NotEmpty(observations);
        Assert.All(observations, o => Assert.False(string.IsNullOrEmpty(o.GetProperty("unit").GetString())));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("encoding").ValueKind);
    }

    [Fact]
    public async Task Validate_WithPreviousMonth_UsesItAsHistory()
    {
        var june = Path.Combine(Path.GetTempPath(), $"intake-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(june, "指标代码,数值,单位\nU14,4.0,万户\n");
        try
        {
            // May's accepted U14 is 4.9 万户, so June's 4.0 is a cumulative decrease.
            var (exitCode, output, _) = await CliRun.RunAsync("validate", june, "-p", "520300", "--period", "2024-06",
                "--previous", CliRun.Sample("2024-05/遵义市-2024-05.csv"), "--json");

            Assert.Equal(1, exitCode);
            Assert.Contains("cumulative-decrease", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(june);
        }
    }

    [Fact]
    public async Task Validate_MalformedCatalog_ExitsTwoNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("intake-catalog-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "documents.csv"), "id,number,title,issued\n");
            var (exitCode, _, error) = await CliRun.RunAsync("validate", CliRun.Sample("2024-06/遵义市-2024-06.csv"), "-p", "520300", "--period", "2024-06", "--catalog", folder);

            Assert.Equal(2, exitCode);
            Assert.Contains(".csv", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
