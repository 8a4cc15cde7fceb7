using IntakePipeline.Core;

namespace IntakePipeline.EndToEnd;

/// <summary>
/// The host's clock for a backfill of many years: real time moved to the middle of the month after the backfill's last,
/// so that every month of it is in the past and the host's current month is the next one (e.g. 2031-01 after 2030-12).
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private readonly TimeSpan _offset;

    public ShiftedClock(YearMonth current)
    {
        var target = new DateTimeOffset(current.Year, current.Month, 15, 4, 0, 0, TimeSpan.Zero);
        _offset = target - System.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
