using System.Text;
using Azure.Storage.Queues;
using IntakePipeline.Testing;

namespace IntakePipeline.Storage.Tests.Internals;

[Collection(AzuriteCollection.Name)]
public sealed class AzureQueueStoreTests(AzuriteServer azurite)
{
    private readonly IQueueStore _store = TestStorage.QueueStore(azurite);

    [Fact]
    public async Task CreateIfNotExistsAsync_CalledTwice_CreatesOnce()
    {
        var queue = TestStorage.ContainerName("q");

        Assert.True(await _store.CreateIfNotExistsAsync(queue));
        Assert.False(await _store.CreateIfNotExistsAsync(queue));
    }

    [Fact]
    public async Task SendAsync_ThenReceiveAsync_ReturnsTheTextWithDequeueCountOne()
    {
        var queue = await NewQueueAsync();

        await _store.SendAsync(queue, "{\"subject\":\"遵义\"}");
        var messages = await _store.ReceiveAsync(queue, 32, TimeSpan.FromMinutes(1));

        var message = Assert.Single(messages);
        Assert.Equal("{\"subject\":\"遵义\"}", message.Text);
        Assert.Equal(1, message.DequeueCount);
    }

    [Fact]
    public async Task SendAsync_WritesBase64_AsTheFunctionsQueueTriggerExpects()
    {
        var queue = await NewQueueAsync();

        await _store.SendAsync(queue, "贵阳");
        var raw = new QueueClient(azurite.ConnectionString, queue);
        var peeked = (await raw.PeekMessagesAsync(1)).Value.Single();

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("贵阳")), peeked.Body.ToString());
    }

    [Fact]
    public async Task ReceiveAsync_TakenMessage_IsHiddenFromTheNextReceiver()
    {
        var queue = await NewQueueAsync();
        await _store.SendAsync(queue, "one");

        var first = await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1));
        var second = await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1));

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task SetVisibilityAsync_Zero_MakesTheMessageVisibleAgainWithAHigherDequeueCount()
    {
        var queue = await NewQueueAsync();
        await _store.SendAsync(queue, "retry me");
        var taken = Assert.Single(await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1)));

        Assert.NotNull(await _store.SetVisibilityAsync(queue, taken, TimeSpan.Zero));
        var again = Assert.Single(await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1)));

        Assert.Equal(taken.Id, again.Id);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task DeleteAsync_StalePopReceipt_ReturnsFalse()
    {
        var queue = await NewQueueAsync();
        await _store.SendAsync(queue, "x");
        var taken = Assert.Single(await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1)));
        Assert.NotNull(await _store.SetVisibilityAsync(queue, taken, TimeSpan.Zero));
        var retaken = Assert.Single(await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1)));

        Assert.False(await _store.DeleteAsync(queue, taken));
        Assert.True(await _store.DeleteAsync(queue, retaken));
        Assert.Equal(0, await _store.CountAsync(queue));
    }

    [Fact]
    public async Task SendAsync_WithDelay_StaysHiddenUntilThen()
    {
        var queue = await NewQueueAsync();

        await _store.SendAsync(queue, "later", TimeSpan.FromMinutes(5));

        Assert.Empty(await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await _store.CountAsync(queue));
    }

    [Fact]
    public async Task SetVisibilityAsync_WhileHeld_KeepsItHiddenAndGivesTheReceiptThatDeletes()
    {
        var queue = await NewQueueAsync();
        await _store.SendAsync(queue, "long job");
        var taken = Assert.Single(await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1)));

        var renewed = await _store.SetVisibilityAsync(queue, taken, TimeSpan.FromMinutes(1));

        Assert.NotNull(renewed);
        Assert.Empty(await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1)));
        Assert.False(await _store.DeleteAsync(queue, taken));
        Assert.True(await _store.DeleteAsync(queue, renewed));
    }

    [Fact]
    public async Task ClearAsync_VisibleAndTakenMessages_LeavesTheQueueEmpty()
    {
        var queue = await NewQueueAsync();
        await _store.SendAsync(queue, "visible");
        await _store.SendAsync(queue, "taken");
        await _store.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5));

        await _store.ClearAsync(queue);

        Assert.Equal(0, await _store.CountAsync(queue));
    }

    private async Task<string> NewQueueAsync()
    {
        var queue = TestStorage.ContainerName("q");
        await _store.CreateIfNotExistsAsync(queue);
        return queue;
    }
}
