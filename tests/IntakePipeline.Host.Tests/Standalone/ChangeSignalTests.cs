using IntakePipeline.Host.Standalone;
using Microsoft.Extensions.Time.Testing;

namespace IntakePipeline.Host.Tests.Standalone;

public class ChangeSignalTests
{
    [Fact]
    public async Task WaitAsync_ChangeAlreadySeenSinceVersion_ReturnsTrueAtOnce()
    {
        var signal = new ChangeSignal();
        var seen = signal.Version;
        signal.Raise();

        Assert.True(await signal.WaitAsync(seen, TimeSpan.FromDays(1), new FakeTimeProvider(), CancellationToken.None));
    }

    [Fact]
    public async Task WaitAsync_RaisedWhileWaiting_ReturnsTrue()
    {
        var signal = new ChangeSignal();
        var waiting = signal.WaitAsync(signal.Version, TimeSpan.FromDays(1), new FakeTimeProvider(), CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        signal.Raise();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, signal.Version);
    }

    [Fact]
    public async Task WaitAsync_NoChangeUntilTimeout_ReturnsFalse()
    {
        var time = new FakeTimeProvider();
        var signal = new ChangeSignal();
        var waiting = signal.WaitAsync(signal.Version, TimeSpan.FromSeconds(2), time, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitAsync_Cancelled_Throws()
    {
        var signal = new ChangeSignal();
        using var cancel = new CancellationTokenSource();
        var waiting = signal.WaitAsync(signal.Version, TimeSpan.FromDays(1), new FakeTimeProvider(), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
