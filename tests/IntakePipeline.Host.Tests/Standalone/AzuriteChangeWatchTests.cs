using IntakePipeline.Host.Standalone;
using IntakePipeline.Storage;
using IntakePipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

/// <summary>
/// The watch on the local Azurite's data folder, against an Azurite that keeps its data on disk as <c>intake run</c>'s
/// does, and the queue listener it wakes.
/// </summary>
public sealed class AzuriteChangeWatchTests : IAsyncLifetime
{
    private readonly DiskAzurite _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    [Fact]
    public async Task StartAsync_AzuriteWritesToTheFolder_WatchesAndSignalsBlobsAndMessages()
    {
        await using var host = await InProcessHost.StartAsync(_azurite, Settings(_azurite.Location!));
        var watch = host.Services.GetRequiredService<AzuriteChangeWatch>();
        Assert.True(watch.IsWatching);

        var blobs = watch.Blobs.Version;
        await host.PutAsync("intake-520300", $"{InProcessHost.CurrentMonth}/{Guid.NewGuid():N}.csv", "指标代码,数值\nU14,5\n");
        Assert.True(await watch.Blobs.WaitAsync(blobs, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None));

        var queue = "w" + Guid.NewGuid().ToString("N")[..12];
        await host.Queues.CreateIfNotExistsAsync(queue);
        var messages = watch.Queues.Version;
        await host.Queues.SendAsync(queue, "hello");
        Assert.True(await watch.Queues.WaitAsync(messages, TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_FolderNotAzuritesOwn_DoesNotWatch()
    {
        var elsewhere = Directory.CreateTempSubdirectory("not-azurite-").FullName;
        try
        {
            await using var host = await InProcessHost.StartAsync(_azurite, Settings(elsewhere));

            Assert.False(host.Services.GetRequiredService<AzuriteChangeWatch>().IsWatching);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task QueueListener_IdleWithTimeFrozen_WokenBySignalProcessesTheMessage()
    {
        await using var host = await InProcessHost.StartAsync(_azurite, Settings(_azurite.Location!));
        var queue = "w" + Guid.NewGuid().ToString("N")[..12];
        await host.Queues.CreateIfNotExistsAsync(queue);
        var wake = new ChangeSignal();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queues = new PollCountingQueueStore(host.Queues, polled);

        // With the clock frozen the listener's back-off never ends: only the signal can make it poll again.
        using var listener = new QueueListener(
            "Test", queue, poisonQueue: null,
            (message, _) => { received.TrySetResult(message.Text); return Task.CompletedTask; },
            Task.CompletedTask, wake, queues, new QueueTriggerOptions(), new FakeTimeProvider(), NullLogger.Instance);
        await listener.StartAsync(CancellationToken.None);
        await polled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.Queues.SendAsync(queue, "after the first poll");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(received.Task.IsCompleted);

        wake.Raise();

        Assert.Equal("after the first poll", await received.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await listener.StopAsync(CancellationToken.None);
    }

    private static Dictionary<string, string?> Settings(string location) => new()
    {
        ["Azurite:Location"] = location,
        ["Azurite:AutoStart"] = "false",
    };

    private sealed class DiskAzurite() : AzuriteServer(new AzuriteServerOptions { Persistent = true });

    /// <summary>The queue store, noting when the first receive has happened.</summary>
    private sealed class PollCountingQueueStore(IQueueStore inner, TaskCompletionSource polled) : IQueueStore
    {
        public Task<bool> CreateIfNotExistsAsync(string queue, CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(queue, cancellationToken);

        public Task SendAsync(string queue, string text, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default) =>
            inner.SendAsync(queue, text, visibilityDelay, cancellationToken);

        public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
        {
            var batch = await inner.ReceiveAsync(queue, maxMessages, visibilityTimeout, cancellationToken);
            polled.TrySetResult();
            return batch;
        }

        public Task<bool> DeleteAsync(string queue, QueueMessage message, CancellationToken cancellationToken = default) => inner.DeleteAsync(queue, message, cancellationToken);

        public Task<QueueMessage?> SetVisibilityAsync(string queue, QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
            inner.SetVisibilityAsync(queue, message, visibilityTimeout, cancellationToken);

        public Task ClearAsync(string queue, CancellationToken cancellationToken = default) => inner.ClearAsync(queue, cancellationToken);

        public Task<int> CountAsync(string queue, CancellationToken cancellationToken = default) => inner.CountAsync(queue, cancellationToken);
    }
}
