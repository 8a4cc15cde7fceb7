using IntakePipeline.Core.Intake;
using IntakePipeline.Host.Standalone;
using IntakePipeline.Pipeline;
using IntakePipeline.Pipeline.Events;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary>The standalone host's event path: the watcher queues events for uploads that came without one, and the queue listener processes them.</summary>
[Collection(StandaloneCollection.Name)]
public sealed class BlobWatcherTests(AzuriteServer azurite)
{
    private const string Container = "intake-520300";

    [Fact]
    public async Task ExecuteAsync_PlainSdkPutInCurrentMonth_QueuedProcessedAndReceiptedOnce()
    {
        await using var host = await InProcessHost.StartAsync(azurite);
        var blob = await host.PutAsync(Container, $"{InProcessHost.CurrentMonth}/{Guid.NewGuid():N}.csv", "指标代码,数值\nU14,5\n");

        var receipt = await host.WaitForReceiptAsync(blob);

        Assert.NotNull(receipt);
        Assert.NotEqual(nameof(SubmissionOutcomeKind.Duplicate), receipt.Outcome);
    }

    [Theory]
    [InlineData(new[] { "2026-11/", "2026-10/" }, new[] { "2026-1" })]
    [InlineData(new[] { "2026-11/", "2026-10/", "2026-03/" }, new[] { "2026-" })]
    [InlineData(new[] { "2027-01/", "2026-12/" }, new[] { "2027-01/", "2026-12/" })]
    [InlineData(new[] { "2026-11/" }, new[] { "2026-11/" })]
    public void Collapse_HotFolders_OneListingPerYear(string[] folders, string[] expected)
    {
        Assert.Equal(expected, BlobWatcher.Collapse(folders));
    }

    [Fact]
    public async Task ExecuteAsync_SameVersionSeenAgainAfterRestart_NotQueuedAgain()
    {
        BlobVersion blob;
        await using (var first = await InProcessHost.StartAsync(azurite))
        {
            blob = await first.PutAsync(Container, $"{InProcessHost.CurrentMonth}/{Guid.NewGuid():N}.csv", "指标代码,数值\nU14,5\n");
            Assert.NotNull(await first.WaitForReceiptAsync(blob));
        }

        await using var second = await InProcessHost.StartAsync(azurite, new Dictionary<string, string?> { ["Queues:Events"] = "e" + Guid.NewGuid().ToString("N")[..12] });
        await Task.Delay(600);

        Assert.Equal(0, await second.Queues.CountAsync(second.QueueNames.Events));
    }

    [Fact]
    public async Task ExecuteAsync_UploadThatQueuedItsOwnEvent_WatcherLeavesItAlone()
    {
        await using var host = await InProcessHost.StartAsync(azurite, new Dictionary<string, string?> { ["Queues:Events"] = "e" + Guid.NewGuid().ToString("N")[..12] });
        var name = $"{InProcessHost.CurrentMonth}/{Guid.NewGuid():N}.csv";
        await host.Blobs.PutAsync(Container, name, "指标代码,数值\nU14,5\n"u8.ToArray(), new BlobPutOptions
        {
            Metadata = new Dictionary<string, string> { [BlobEventQueue.EventQueuedMetadata] = "true" },
        });

        await Task.Delay(800);

        Assert.Null(await host.Receipts.GetAsync(new BlobVersion(Container, name, (await host.Blobs.GetPropertiesAsync(Container, name))!.ETag)));
    }

    [Fact]
    public async Task ExecuteAsync_BlobOutsideAnyPeriodFolder_GetsANotASubmissionReceipt()
    {
        await using var host = await InProcessHost.StartAsync(azurite, new Dictionary<string, string?> { ["Watcher:FullScanInterval"] = "00:00:00.400" });
        var blob = await host.PutAsync(Container, $"{Guid.NewGuid():N}.csv", "指标代码,数值\nU14,5\n");

        var receipt = await host.WaitForReceiptAsync(blob);

        Assert.Equal(nameof(SubmissionOutcomeKind.NotASubmission), receipt?.Outcome);
    }

    [Fact]
    public async Task QueueListener_UnreadableMessage_PoisonedAfterFiveAttemptsWithPoisonRowAndOperationsMail()
    {
        await using var host = await InProcessHost.StartAsync(azurite, new Dictionary<string, string?> { ["Recipients:Operations:0"] = "ops@example.cn" });
        var marker = Guid.NewGuid().ToString("N");

        await host.Queues.SendAsync(host.QueueNames.Events, "not an event " + marker);

        TableRow? poison = null;
        for (var i = 0; i < 200 && poison is null; i++)
        {
            await foreach (var row in host.Tables.QueryAsync(host.Names.Poison, TableQuery.Partition("unreadable")))
            {
                if (row.GetString("Message")?.Contains(marker, StringComparison.Ordinal) == true)
                {
                    poison = row;
                }
            }

            await Task.Delay(100);
        }

        Assert.NotNull(poison);
        Assert.Equal(0, await host.Queues.CountAsync(host.QueueNames.Events));
        var mails = new List<TableRow>();
        await foreach (var row in host.Tables.QueryAsync(host.Names.Outbox, TableQuery.Partition("ops@example.cn")))
        {
            if (row.GetString("Kind") == "Operations" && row.GetString("About")?.Contains(poison.GetString("BlobETag")!, StringComparison.Ordinal) == true)
            {
                mails.Add(row);
            }
        }

        Assert.NotEmpty(mails);
    }

    [Fact]
    public async Task CheckDeadlines_BlobWhoseEventWasLost_ReconciledAndProcessed()
    {
        await using var host = await InProcessHost.StartAsync(azurite, new Dictionary<string, string?> { ["Queues:ReconcileAfter"] = "00:00:00" });
        var name = $"2023-01/{Guid.NewGuid():N}.csv";
        // The metadata keeps the watcher away, as if an event had been sent and lost.
        var written = await host.Blobs.PutAsync(Container, name, "指标代码,数值\nU14,5\n"u8.ToArray(), new BlobPutOptions
        {
            Metadata = new Dictionary<string, string> { [BlobEventQueue.EventQueuedMetadata] = "true" },
        });
        var blob = new BlobVersion(Container, name, written.ETag);
        Assert.Null(await host.Receipts.GetAsync(blob));

        var result = await host.Services.GetRequiredService<CheckDeadlinesHandler>().RunAsync();

        Assert.True(result.Requeued >= 1);
        Assert.NotNull(await host.WaitForReceiptAsync(blob));
        Assert.True(SubmissionBlobName.TryParse(Container, name, out _));
    }
}
