using System.Text;
using System.Text.Json;
using System.Web;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using IntakePipeline.Host.Tests.Cli;
using IntakePipeline.Pipeline;
using IntakePipeline.Storage;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary><c>intake sas</c>, and the real AzCopy uploading through its links into a running pipeline.</summary>
[Collection(StorageCommandsCollection.Name)]
public sealed class SasCommandTests(AzuriteServer azurite) : IAsyncLifetime
{
    private const string StorageVariable = "AzureWebJobsStorage";
    private readonly string? _previousStorage = Environment.GetEnvironmentVariable(StorageVariable);
    private InProcessHost? _host;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(StorageVariable, azurite.ConnectionString);
        // AzCopy sends no event; the watcher finds its uploads into 2024-06 in a full scan, made often here.
        _host = await InProcessHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Queues:Events"] = QueuesOptions.DefaultEvents,
            ["Watcher:FullScanInterval"] = "00:00:00.500",
        });
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(StorageVariable, _previousStorage);
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sas_Prefecture_PrintsExactlyIntakeReportsExpiresAndAnAzCopyLine()
    {
        var (exitCode, output, error) = await CliRun.RunAsync("sas", "--prefecture", "520300", "--days", "3");

        Assert.True(exitCode == 0, output + error);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        var intake = new Uri(lines[0]["intake: ".Length..]);
        var reports = new Uri(lines[1]["reports: ".Length..]);
        Assert.StartsWith("intake: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("reports: ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("/intake-520300", intake.AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/reports-520300", reports.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("acwl", HttpUtility.ParseQueryString(intake.Query)["sp"]);
        Assert.Equal("rl", HttpUtility.ParseQueryString(reports.Query)["sp"]);
        Assert.Equal("c", HttpUtility.ParseQueryString(intake.Query)["sr"]);
        var expires = DateTimeOffset.Parse(lines[2]["expires: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches(@"^expires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", lines[2]);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(3).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(3).AddMinutes(1));
        Assert.StartsWith("azcopy copy \"", lines[3], StringComparison.Ordinal);
        Assert.Contains($"\"{intake.AbsoluteUri}\" --recursive --from-to LocalBlob", lines[3], StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task Sas_Json_HasTheSameFields()
    {
        var (exitCode, output, error) = await CliRun.RunAsync("sas", "-p", "522700", "--json");

        Assert.True(exitCode == 0, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("522700", json.RootElement.GetProperty("prefecture").GetString());
        Assert.Contains("/intake-522700?", json.RootElement.GetProperty("intake").GetString(), StringComparison.Ordinal);
        Assert.Contains("/reports-522700?", json.RootElement.GetProperty("reports").GetString(), StringComparison.Ordinal);
        Assert.Equal("service", json.RootElement.GetProperty("kind").GetString());
        Assert.StartsWith("azcopy copy ", json.RootElement.GetProperty("azcopy").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", json.RootElement.GetProperty("expires").GetString());
    }

    [Theory]
    [InlineData("--prefecture", "999999")]
    [InlineData("--days", "0")]
    [InlineData("--days", "366")]
    public async Task Sas_BadValue_UsageErrorNamingAValidExample(string option, string value)
    {
        string[] args = option == "--prefecture" ? ["sas", option, value] : ["sas", "-p", "520300", option, value];

        var (exitCode, output, error) = await CliRun.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(option == "--prefecture" ? "520300" : "--days 7", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzCopy_WithTheSas_UploadsIntoTheMonthAndThePipelineProcessesIt()
    {
        var intake = await IntakeSasAsync("520300");
        var folder = Directory.CreateTempSubdirectory("intake-azcopy-src-").FullName;
        var file = Path.Combine(folder, "遵义-azcopy.csv");
        // Content of its own: the same bytes as an accepted file would be Unchanged and get no Submissions row.
        await File.WriteAllTextAsync(file, $"指标代码,数值,单位,备注\r\nU14,7.3,万户,{Guid.NewGuid():N}\r\n", new UTF8Encoding(false));
        var name = $"2024-06/遵义-{Guid.NewGuid():N}.csv";

        var (exitCode, output) = await AzCopy.RunAsync(["copy", file, BlobUri(intake, name).AbsoluteUri, "--from-to", "LocalBlob"]);
        Directory.Delete(folder, recursive: true);

        Assert.True(exitCode == 0, output);
        var row = await WaitForSubmissionAsync("520300", name);
        Assert.Equal("Accepted", row.GetString("Status"));
    }

    [Fact]
    public async Task AzCopy_FileOverTheBlockSize_ArrivesAsBlocksAndIsProcessedOnce()
    {
        var intake = await IntakeSasAsync("520400");
        var folder = Directory.CreateTempSubdirectory("intake-azcopy-src-").FullName;
        var file = Path.Combine(folder, "安顺-大文件.csv");
        // About 750 KB: a long note makes the file span three 256 KiB blocks.
        await File.WriteAllTextAsync(file, "指标代码,数值,单位,备注\r\nU14,1.2,万户," + new string('说', 250_000) + "\r\n", new UTF8Encoding(false));
        var name = $"2024-06/安顺-{Guid.NewGuid():N}.csv";

        var (exitCode, output) = await AzCopy.RunAsync(["copy", file, BlobUri(intake, name).AbsoluteUri, "--from-to", "LocalBlob", "--block-size-mb", "0.25"]);
        Directory.Delete(folder, recursive: true);

        Assert.True(exitCode == 0, output);
        var blocks = await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("intake-520400")
            .GetBlockBlobClient(name).GetBlockListAsync();
        Assert.True(blocks.Value.CommittedBlocks.Count() >= 3, $"{blocks.Value.CommittedBlocks.Count()} blocks");
        await WaitForSubmissionAsync("520400", name);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await SubmissionsAsync("520400", name));
        var receipts = new List<TableRow>();
        await foreach (var receipt in _host!.Tables.QueryAsync(_host.Names.BlobReceipts, TableQuery.Partition("intake-520400")))
        {
            if (receipt.GetString("Name") == name)
            {
                receipts.Add(receipt);
            }
        }

        Assert.Single(receipts);
    }

    [Fact]
    public async Task AzCopy_TheSasElsewhereOrDeletingItsOwnBlob_IsRefused()
    {
        var intake = await IntakeSasAsync("520300");
        var folder = Directory.CreateTempSubdirectory("intake-azcopy-src-").FullName;
        var file = Path.Combine(folder, "x.csv");
        File.Copy(CliRun.Sample("2024-06/遵义市-2024-06.csv"), file);
        var own = $"2024-06/own-{Guid.NewGuid():N}.csv";
        Assert.Equal(0, (await AzCopy.RunAsync(["copy", file, BlobUri(intake, own).AbsoluteUri, "--from-to", "LocalBlob"])).ExitCode);

        var results = new List<(string What, int ExitCode, string Output)>();
        foreach (var container in new[] { "intake-520100", "reports-520100" })
        {
            var elsewhere = new UriBuilder(intake) { Path = intake.AbsolutePath.Replace("intake-520300", container, StringComparison.Ordinal) }.Uri;
            var (exitCode, output) = await AzCopy.RunAsync(["copy", file, BlobUri(elsewhere, "2024-06/x.csv").AbsoluteUri, "--from-to", "LocalBlob"]);
            results.Add((container, exitCode, output));
        }

        var (deleteExit, deleteOutput) = await AzCopy.RunAsync(["remove", BlobUri(intake, own).AbsoluteUri, "--from-to", "BlobTrash"]);
        Directory.Delete(folder, recursive: true);

        Assert.All(results, r => Assert.True(r.ExitCode != 0, r.What + ": " + r.Output));
        Assert.All(results, r => Assert.Contains("403", r.Output, StringComparison.Ordinal));
        Assert.True(deleteExit != 0 || deleteOutput.Contains("403", StringComparison.Ordinal), deleteOutput);
        Assert.NotNull(await _host!.Blobs.GetPropertiesAsync("intake-520300", own));
        Assert.Null(await _host.Blobs.GetPropertiesAsync("intake-520100", "2024-06/x.csv"));
        Assert.Null(await _host.Blobs.GetPropertiesAsync("reports-520100", "2024-06/x.csv"));
    }

    [Fact]
    public async Task UploadAndStatus_EveryPrintedReportLink_OpensOverPlainHttpWithItsContentType()
    {
        var (uploadExit, uploadOutput, _) = await CliRun.RunAsync("upload", CliRun.Sample("2024-06/铜仁市-2024-06.csv"), "-p", "520600", "--period", "2024-06", "--name", $"铜仁-链接-{Guid.NewGuid():N}.csv");
        var (statusExit, statusOutput, _) = await CliRun.RunAsync("status", "--prefecture", "520600", "--top", "3");

        Assert.Equal((1, 0), (uploadExit, statusExit));
        var links = System.Text.RegularExpressions.Regex.Matches(uploadOutput + "\n" + statusOutput, @"http://\S+").Select(m => m.Value).ToList();
        Assert.Contains(links, l => l.Contains(".report.json?", StringComparison.Ordinal));
        Assert.True(links.Count(l => l.Contains(".report.html?", StringComparison.Ordinal)) >= 2, uploadOutput + statusOutput);
        Assert.DoesNotContain(links, l => l.Contains(".report.json?", StringComparison.Ordinal) && statusOutput.Contains(l, StringComparison.Ordinal));
        using var http = new HttpClient();
        foreach (var link in links.Where(l => l.Contains("/reports-", StringComparison.Ordinal)))
        {
            using var response = await http.GetAsync(new Uri(link));
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {link}");
            Assert.Equal(link.Contains(".report.html?", StringComparison.Ordinal) ? "text/html" : "application/json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task<Uri> IntakeSasAsync(string code)
    {
        var (exitCode, output, error) = await CliRun.RunAsync("sas", "--prefecture", code);
        Assert.True(exitCode == 0, output + error);
        return new Uri(output.Split('\n')[0]["intake: ".Length..].Trim());
    }

    private static Uri BlobUri(Uri containerSas, string name) =>
        new UriBuilder(containerSas) { Path = containerSas.AbsolutePath + "/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString)) }.Uri;

    private async Task<List<TableRow>> SubmissionsAsync(string code, string name)
    {
        var rows = new List<TableRow>();
        await foreach (var row in _host!.Tables.QueryAsync(_host.Names.Submissions, TableQuery.Partition(code)))
        {
            if (row.GetString("BlobName") == name)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private async Task<TableRow> WaitForSubmissionAsync(string code, string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await SubmissionsAsync(code, name)).FirstOrDefault() is { } row)
            {
                return row;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No Submissions row for intake-{code}/{name} within 30 s.");
    }
}
