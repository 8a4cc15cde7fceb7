using IntakePipeline.Host.Tests.Cli;
using IntakePipeline.Pipeline;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

[Collection(StorageCommandsCollection.Name)]
public sealed class StorageCommandsTests(AzuriteServer azurite) : IAsyncLifetime
{
    private const string StorageVariable = "AzureWebJobsStorage";
    private readonly string? _previousStorage = Environment.GetEnvironmentVariable(StorageVariable);
    private InProcessHost? _host;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(StorageVariable, azurite.ConnectionString);
        // The commands read the default queue name, as a user's would; this collection has an Azurite of its own.
        _host = await InProcessHost.StartAsync(azurite, new Dictionary<string, string?> { ["Queues:Events"] = QueuesOptions.DefaultEvents });
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
        Assert.True(output.Contains("reports-520300/2024-05/遵义-status.csv", StringComparison.Ordinal), output);
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
}
