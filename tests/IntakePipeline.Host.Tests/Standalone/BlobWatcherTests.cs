using IntakePipeline.Host.Standalone;
using IntakePipeline.Pipeline;
using IntakePipeline.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

[Collection(StandaloneCollection.Name)]
public sealed class BlobWatcherTests(AzuriteServer azurite)
{
    private const string Container = "intake-520300";

    private static readonly Dictionary<string, string?> _noHotMonths = new() { ["Watcher:HotMonths"] = "0" };

    [Fact]
    public async Task ExecuteAsync_NewBlobInCurrentMonth_ProcessedOnceWithReceipt()
    {
        var processor = new RecordingProcessor();
        await using var host = await InProcessHost.StartAsync(azurite, processor);
        var name = $"{InProcessHost.CurrentMonth}/遵义-{Guid.NewGuid():N}.csv";

        var blob = await host.PutAsync(Container, name, "指标代码,数值\nU01,1\n");
        var receipt = await host.WaitForReceiptAsync(blob);

        Assert.NotNull(receipt);
        Assert.Equal("Accepted", receipt.Outcome);
        Assert.Equal(1, receipt.Attempts);
        Assert.Equal("0123456789abcdef", receipt.CorrelationId);
        var row = await host.Tables.GetAsync(host.Names.BlobReceipts, Container, BlobReceiptKeys.RowKey(name, blob.ETag));
        Assert.NotNull(row);
        Assert.Equal(name, row.GetString("Name"));
        Assert.Equal("20240601T000000Z-abcdefabcdef", row.GetString("SubmissionId"));
        Assert.NotNull(row.GetDateTimeOffset("ProcessedAt"));
        Assert.Equal(1, processor.CallsFor(name));
    }

    [Fact]
    public async Task ExecuteAsync_SameVersionAcrossScansAndRestart_NotProcessedTwice()
    {
        var first = new RecordingProcessor();
        var name = $"{InProcessHost.CurrentMonth}/once-{Guid.NewGuid():N}.csv";
        var fastFullScan = new Dictionary<string, string?> { ["Watcher:FullScanInterval"] = "00:00:00.300" };
        BlobVersion blob;
        await using (var host = await InProcessHost.StartAsync(azurite, first, fastFullScan))
        {
            blob = await host.PutAsync(Container, name, "a");
            Assert.NotNull(await host.WaitForReceiptAsync(blob));

            // Several hot polls and full scans pass over the same version.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }

        var second = new RecordingProcessor();
        await using (var restarted = await InProcessHost.StartAsync(azurite, second, fastFullScan))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, first.CallsFor(name));
        Assert.Equal(0, second.CallsFor(name));
    }

    [Fact]
    public async Task ExecuteAsync_ChangedBlob_NewVersionProcessed()
    {
        var processor = new RecordingProcessor();
        await using var host = await InProcessHost.StartAsync(azurite, processor);
        var name = $"{InProcessHost.CurrentMonth}/changed-{Guid.NewGuid():N}.csv";

        var original = await host.PutAsync(Container, name, "first");
        Assert.NotNull(await host.WaitForReceiptAsync(original));
        var corrected = await host.PutAsync(Container, name, "second");
        Assert.NotNull(await host.WaitForReceiptAsync(corrected));

        Assert.NotEqual(original.ETag, corrected.ETag);
        Assert.Equal([original.ETag, corrected.ETag], processor.Calls.Where(c => c.Name == name).Select(c => c.ETag).ToArray());
    }

    [Fact]
    public async Task ExecuteAsync_OldPeriodWithHint_PickedUpWithoutFullScan()
    {
        var processor = new RecordingProcessor();
        await using var host = await InProcessHost.StartAsync(azurite, processor, _noHotMonths);
        var name = $"2019-01/backfill-{Guid.NewGuid():N}.csv";

        var blob = await host.PutAsync(Container, name, "old");
        await host.Receipts.WriteHintAsync(Container, name);

        // The full scan is an hour away and 2019-01 is not a hot month: only the hint can find it.
        Assert.NotNull(await host.WaitForReceiptAsync(blob));
        Assert.Empty(await host.Receipts.ListHintsAsync());
    }

    [Fact]
    public async Task ExecuteAsync_OldPeriodWithoutHint_NotPolledButFoundByFullScan()
    {
        var processor = new RecordingProcessor();
        var name = $"2019-02/backfill-{Guid.NewGuid():N}.csv";
        await using (var host = await InProcessHost.StartAsync(azurite, processor, _noHotMonths))
        {
            var blob = await host.PutAsync(Container, name, "old");
            Assert.Null(await host.WaitForReceiptAsync(blob, TimeSpan.FromSeconds(1.5)));
        }

        var scanning = new RecordingProcessor();
        var settings = new Dictionary<string, string?>(_noHotMonths) { ["Watcher:FullScanInterval"] = "00:00:01" };
        await using var rescanning = await InProcessHost.StartAsync(azurite, scanning, settings);
        var late = await rescanning.PutAsync(Container, name, "old, corrected");

        Assert.NotNull(await rescanning.WaitForReceiptAsync(late));
        Assert.Equal(0, processor.CallsFor(name));
    }

    [Fact]
    public async Task ExecuteAsync_AlwaysFailingBlob_PoisonedAfterFiveAttemptsWhileOthersProcessed()
    {
        var processor = new RecordingProcessor { FailWhenNameContains = "poison" };
        await using var host = await InProcessHost.StartAsync(azurite, processor);
        var month = InProcessHost.CurrentMonth;
        var bad = await host.PutAsync(Container, $"{month}/poison-{Guid.NewGuid():N}.csv", "bad");
        var good = await host.PutAsync(Container, $"{month}/good-{Guid.NewGuid():N}.csv", "good");

        var poisoned = await host.WaitForReceiptAsync(bad);
        var processed = await host.WaitForReceiptAsync(good);

        Assert.Equal(BlobReceiptKeys.PoisonedOutcome, poisoned?.Outcome);
        Assert.Equal(5, poisoned?.Attempts);
        Assert.Equal("Accepted", processed?.Outcome);
        Assert.Equal(5, processor.CallsFor(bad.Name));
        var poison = await host.Tables.GetAsync(host.Names.Poison, Container, BlobReceiptKeys.RowKey(bad.Name, bad.ETag));
        Assert.NotNull(poison);
        Assert.Equal(5, poison.GetInt32("Attempts"));
        Assert.Contains("Simulated failure", poison.GetString("LastError"), StringComparison.Ordinal);
        Assert.NotNull(poison.GetDateTimeOffset("FirstFailedAt"));
    }

    [Fact]
    public async Task ExecuteAsync_AttemptsSavedByEarlierRun_ContinuesCountInsteadOfStartingOver()
    {
        var processor = new RecordingProcessor { FailWhenNameContains = "poison" };
        var name = $"{InProcessHost.CurrentMonth}/poison-resumed-{Guid.NewGuid():N}.csv";
        await using var host = await InProcessHost.StartAsync(azurite, processor);
        await host.StopAsync();

        // An earlier run failed this version 4 times and then crashed.
        var blob = await host.PutAsync(Container, name, "bad");
        await host.Receipts.RecordFailureAsync(blob, 4, DateTimeOffset.UtcNow, "earlier failure");
        await using var restarted = await InProcessHost.StartAsync(azurite, processor);

        var receipt = await restarted.WaitForReceiptAsync(blob);

        Assert.Equal(BlobReceiptKeys.PoisonedOutcome, receipt?.Outcome);
        Assert.Equal(5, receipt?.Attempts);
        Assert.Equal(1, processor.CallsFor(name));
    }

    [Fact]
    public async Task StopAsync_WorkInFlight_FinishesAndGetsReceipt()
    {
        var processor = new RecordingProcessor { Delay = TimeSpan.FromSeconds(1) };
        var host = await InProcessHost.StartAsync(azurite, processor);
        var blob = await host.PutAsync(Container, $"{InProcessHost.CurrentMonth}/slow-{Guid.NewGuid():N}.csv", "slow");
        var receipts = host.Receipts;
        await processor.FirstCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await host.DisposeAsync();

        Assert.Equal("Accepted", (await receipts.GetAsync(blob))?.Outcome);
    }

    [Fact]
    public async Task StopAsync_WorkOutlastsShutdownTimeout_CancelledWithoutReceiptAndRedoneNextStart()
    {
        var slow = new RecordingProcessor { Delay = TimeSpan.FromSeconds(30) };
        var host = await InProcessHost.StartAsync(azurite, slow, shutdownTimeout: TimeSpan.FromMilliseconds(300));
        var blob = await host.PutAsync(Container, $"{InProcessHost.CurrentMonth}/stuck-{Guid.NewGuid():N}.csv", "stuck");
        var receipts = host.Receipts;
        await slow.FirstCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await host.DisposeAsync();
        Assert.Null(await receipts.GetAsync(blob));

        var quick = new RecordingProcessor();
        await using var restarted = await InProcessHost.StartAsync(azurite, quick);
        Assert.Equal("Accepted", (await restarted.WaitForReceiptAsync(blob))?.Outcome);
        Assert.Equal(1, quick.CallsFor(blob.Name));
    }

    [Fact]
    public async Task ExecuteAsync_BlobOutsideAnyPeriodFolder_StillGetsAReceipt()
    {
        var processor = new RecordingProcessor();
        var settings = new Dictionary<string, string?> { ["Watcher:FullScanInterval"] = "00:00:00.500" };
        await using var host = await InProcessHost.StartAsync(azurite, processor, settings);

        var blob = await host.PutAsync(Container, $"stray-{Guid.NewGuid():N}.txt", "not a submission");

        Assert.NotNull(await host.WaitForReceiptAsync(blob));
        Assert.Equal(1, processor.CallsFor(blob.Name));
    }
}
