using System.Text;
using IntakePipeline.Host.Tests.Cli;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntakePipeline.Host.Tests.Standalone;

[Collection(StorageCommandsCollection.Name)]
public sealed class StorageCommandsTests(AzuriteServer azurite) : IAsyncLifetime
{
    private const string StorageVariable = "AzureWebJobsStorage";
    private readonly string? _previousStorage = Environment.GetEnvironmentVariable(StorageVariable);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("intake-history-");
    private InProcessHost? _host;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(StorageVariable, azurite.ConnectionString);
        // The commands read the default queue name, as a user's would; this collection has an Azurite of its own.
        _host = await InProcessHost.StartAsync(azurite, new Dictionary<string, string?> { ["Queues:Events"] = QueuesOptions.DefaultEvents });
    }

    public async Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        Environment.SetEnvironmentVariable(StorageVariable, _previousStorage);
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_AgainstRunningHost_PrintsCountsTheRejectedFileAndBehindIndicators()
    {
        var (exitCode, output, error) = await CliRun.RunAsync("demo");

        // The samples of 2024-05 and 2024-06 are shown as the month being collected and the one before.
        var current = new DeadlinesOptions().CollectingPeriod(DateTimeOffset.UtcNow);
        var previous = current.AddMonths(-1);
        Assert.True(exitCode == 0, output + error);
        Assert.Contains($"录于 2024-05、2024-06，这里把它们当作 {previous}、{current} 的报送上传", output, StringComparison.Ordinal);
        Assert.Contains($"{current} 是正在收集的报送月", output, StringComparison.Ordinal);
        Assert.Contains("不是系统故障", output, StringComparison.Ordinal);
        Assert.Contains($"intake-520600/{current}/铜仁市-{current}.csv：退回", output, StringComparison.Ordinal);
        Assert.Contains($"intake-520300/{current}/遵义市-{current}.csv：通过 ✔（按时报送）", output, StringComparison.Ordinal);
        Assert.Contains($"intake-520300/{previous}/遵义市-{previous}.csv：通过 ✔（逾期报送）", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.Contains($"/{current}/", StringComparison.Ordinal) && line.Contains("逾期", StringComparison.Ordinal));
        var currentRows = new List<Storage.TableRow>();
        await foreach (var row in _host!.Tables.QueryAsync(_host.Names.Submissions, Storage.TableQuery.All))
        {
            if (row.RowKey.StartsWith(current + "|", StringComparison.Ordinal))
            {
                currentRows.Add(row);
            }
        }

        Assert.Equal(5, currentRows.Count);
        Assert.All(currentRows, row => Assert.False(row.GetBoolean("Late")));
        Assert.Matches(@"Submissions\s+[1-9]\d*", output);
        Assert.Contains("错误　第 3 行「数值」列　[type-error]", output, StringComparison.Ordinal);
        Assert.Contains("严重落后　遵义市　U14 老旧小区改造", output, StringComparison.Ordinal);
        Assert.Contains("部分汇总：已报", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_RejectedFile_PrintsOutcomeIssuesAndReportAndExitsOne()
    {
        var file = CliRun.Sample("2024-06/铜仁市-2024-06.csv");

        var (exitCode, output, error) = await CliRun.RunAsync("upload", file, "--prefecture", "520600", "--period", "2024-07", "--name", "铜仁-七月.csv");

        Assert.True(exitCode == 1, output + error);
        Assert.Contains("intake-520600/2024-07/", output, StringComparison.Ordinal);
        Assert.Contains("退回", output, StringComparison.Ordinal);
        Assert.Contains("[period-mismatch]", output, StringComparison.Ordinal);
        Assert.Contains("reports-520600/2024-07/", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterUpload_ListsTheSubmissionWithItsOutcome()
    {
        // A blank line at the end makes the content differ from the demo's copy, which would otherwise be Unchanged.
        var file = Path.Combine(Path.GetTempPath(), $"遵义-status-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, [.. await File.ReadAllBytesAsync(CliRun.Sample("2024-05/遵义市-2024-05.csv")), .. "\r\n"u8.ToArray()]);
        var (uploadExit, uploadOutput, _) = await CliRun.RunAsync("upload", file, "--prefecture", "520300", "--period", "2024-05", "--name", "遵义-status.csv");
        File.Delete(file);

        var (exitCode, output, error) = await CliRun.RunAsync("status", "--prefecture", "520300");

        Assert.True(uploadExit == 0, uploadOutput);
        Assert.True(exitCode == 0, output + error);
        Assert.Contains("2024-05", output, StringComparison.Ordinal);
        Assert.True(output.Contains("reports-520300/2024-05/" + Uri.EscapeDataString("遵义-status.csv") + ".report.html?", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task Status_FileInAWrongFolder_ListedAsMisplacedWithItsReport()
    {
        // ASCII, so that the name reads the same in a blob path and in a link.
        var name = $"2024-6/zunyi-{Guid.NewGuid():N}.csv";
        const string content = "指标代码,数值\nU14,5\n";
        var blob = await _host!.PutAsync("intake-520300", name, content);
        // The BlobCreated event Event Grid would deliver; the watcher looks outside the current months only hourly.
        await _host.Services.GetRequiredService<BlobEventQueue>().EnqueueAsync(blob, System.Text.Encoding.UTF8.GetByteCount(content));
        Assert.Equal(nameof(SubmissionOutcomeKind.NotASubmission), (await _host.WaitForReceiptAsync(blob))?.Outcome);

        var (exitCode, output, error) = await CliRun.RunAsync("status", "--prefecture", "520300", "--top", "1000");

        Assert.True(exitCode == 0, output + error);
        var line = Assert.Single(output.Split('\n'), l => l.Contains(name, StringComparison.Ordinal));
        Assert.Contains("遵义市 520300", line, StringComparison.Ordinal);
        Assert.Contains("无期间", line, StringComparison.Ordinal);
        Assert.Contains("位置不对", line, StringComparison.Ordinal);
        Assert.Contains("reports-520300/" + name + ".report", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_FileWhoseEventWasLost_QueuesItAgainAndItIsProcessed()
    {
        var name = $"2023-02/{Guid.NewGuid():N}.csv";
        // The metadata keeps the running watcher away, as if the file's event had been sent and lost.
        var written = await _host!.Blobs.PutAsync("intake-520400", name, await File.ReadAllBytesAsync(CliRun.Sample("2024-06/遵义市-2024-06.csv")), new Storage.BlobPutOptions
        {
            Metadata = new Dictionary<string, string> { [Pipeline.Events.BlobEventQueue.EventQueuedMetadata] = "true" },
        });

        var (exitCode, output, error) = await CliRun.RunAsync("retry", "--prefecture", "520400");

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("已重新排队 1 个期间", output, StringComparison.Ordinal);
        Assert.NotNull(await _host.WaitForReceiptAsync(new BlobVersion("intake-520400", name, written.ETag)));
    }

    [Fact]
    public async Task Upload_HistoryFolderOfThreeMonths_UploadsOldestFirstAndListsTheRejectedFileWithItsReport()
    {
        // U14 is cumulative: June's 5.2 is below May's 5.5, which June's history check sees only if May went first.
        WriteHistory("522700/2021-04/黔南州-2021-04.csv", 5.0);
        WriteHistory("522700/2021-05/黔南州-2021-05.csv", 5.5);
        WriteHistory("522700/2021-06/黔南州-2021-06.csv", 5.2);

        var (exitCode, output, error) = await CliRun.RunAsync("upload", _folder.FullName);

        Assert.True(exitCode == 1, output + error);
        var months = output.Split('\n').Where(l => l.StartsWith("2021-", StringComparison.Ordinal)).Select(l => l.TrimEnd()).ToList();
        Assert.Equal(["2021-04：通过 1，退回 0，未变 0", "2021-05：通过 1，退回 0，未变 0", "2021-06：通过 0，退回 1，未变 0"], months);
        Assert.Contains("结果：3 个文件已处理，通过 2，退回 1，未变 0。", output, StringComparison.Ordinal);
        Assert.Matches(@"522700/2021-06/黔南州-2021-06\.csv　报告：http://\S+/reports-522700/2021-06/黔南州-2021-06\.csv\.report\.html", output);
        var report = await _host!.Blobs.GetAsync("reports-522700", "2021-06/黔南州-2021-06.csv.report.json");
        Assert.Contains("cumulative-decrease", Encoding.UTF8.GetString(report!.Content.Span), StringComparison.Ordinal);
        var received = new List<DateTimeOffset>();
        await foreach (var row in _host.Tables.QueryAsync(_host.Names.Submissions, TableQuery.Partition("522700")))
        {
            received.Add(row.GetDateTimeOffset("ReceivedAt")!.Value);
        }

        Assert.Equal(3, received.Count);
        Assert.Equal(received.Order(), received);
    }

    [Fact]
    public async Task Upload_SameHistoryFolderAgain_ReportsEveryFileUnchanged()
    {
        WriteHistory("2021-04/黔东南州-2021-04.csv", 3.0);
        WriteHistory("2021-05/黔东南州-2021-05.csv", 3.1);
        WriteHistory("2021-06/黔东南州-2021-06.csv", 3.2);
        var (firstExit, firstOutput, _) = await CliRun.RunAsync("upload", _folder.FullName, "--prefecture", "522600");
        // A submission id has one-second resolution: the same bytes again within the same second count as a re-run of
        // the first upload, not as an unchanged re-upload.
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        var (exitCode, output, error) = await CliRun.RunAsync("upload", _folder.FullName, "--prefecture", "522600");

        Assert.True(firstExit == 0, firstOutput);
        Assert.Contains("结果：3 个文件已处理，通过 3，退回 0，未变 0。", firstOutput, StringComparison.Ordinal);
        Assert.True(exitCode == 0, output + error);
        Assert.Contains("2021-05：通过 0，退回 0，未变 1", output, StringComparison.Ordinal);
        Assert.Contains("结果：3 个文件已处理，通过 0，退回 0，未变 3。", output, StringComparison.Ordinal);
        Assert.DoesNotContain("退回的文件", output, StringComparison.Ordinal);
    }

    private void WriteHistory(string path, double u14)
    {
        var file = new FileInfo(Path.Combine(_folder.FullName, path));
        file.Directory!.Create();
        File.WriteAllText(file.FullName, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"指标代码,数值,单位\nU14,{u14:0.0},万户\n"));
    }
}
