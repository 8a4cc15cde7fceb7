using System.Text.Json;
using IntakePipeline.Core.Tests.Corpus;

namespace IntakePipeline.Host.Tests.Cli;

/// <summary>
/// A sample of the hostile corpus (including every file that used to crash the tool) through the real <c>intake
/// validate --json</c> process: the exit code is the manifest's outcome, stdout is one valid JSON report, and stderr is
/// empty.
/// </summary>
public sealed class HostileCorpusCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("intake-corpus-cli-").FullName;

    [Theory]
    [InlineData("zip/zip64-sizes-minus-one.xlsx", 1)]
    [InlineData("zip/crc-mismatch.xlsx", 1)]
    [InlineData("xml/missing-sheet-part.xlsx", 1)]
    [InlineData("xml/sheet-target-dotdot.xlsx", 1)]
    [InlineData("xml/billion-laughs-workbook-rels.xlsx", 1)]
    [InlineData("cells/date-serial-max-1900.xlsx", 0)]
    [InlineData("cells/date-serial-max-1904.xlsx", 0)]
    [InlineData("cells/hidden-data-sheet.xlsx", 1)]
    [InlineData("json/gb18030-ansi.json", 0)]
    [InlineData("json/lone-surrogate-in-key.json", 1)]
    [InlineData("csv/unbalanced-quote-swallows-rows.csv", 1)]
    [InlineData("numbers/overflow-after-unit-conversion.csv", 1)]
    [InlineData("csv/gb18030.csv", 0)]
    public async Task Validate_CorpusFile_ExitsWithItsOutcomeAndPrintsOneJsonReport(string name, int exitCode)
    {
        var path = Path.Combine(_folder, Path.GetFileName(name));
        await File.WriteAllBytesAsync(path, HostileCorpus.Find(name).Build());

        var (actual, output, error) = await CliProcess.RunAsync("validate", path, "-p", HostileCorpus.DefaultSubmitter, "--period", HostileCorpus.Period.ToString(), "--json");

        Assert.Equal(exitCode, actual);
        Assert.Equal(string.Empty, error);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(exitCode == 0 ? "accepted" : "rejected", report.RootElement.GetProperty("outcome").GetString());
        Assert.All(report.RootElement.GetProperty("issues").EnumerateArray(), issue =>
        {
            Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("message").GetString()));
            Assert.True(issue.GetProperty("count").GetInt32() >= 1);
        });
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
