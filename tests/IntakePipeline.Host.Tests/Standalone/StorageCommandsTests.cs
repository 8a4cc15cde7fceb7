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

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("intake-520600/2024-06/铜仁市-2024-06.csv：退回", output, StringComparison.Ordinal);
        Assert.Contains("intake-520300/2024-06/遵义市-2024-06.csv：通过", output, StringComparison.Ordinal);
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
