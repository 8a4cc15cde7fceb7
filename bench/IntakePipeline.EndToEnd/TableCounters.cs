namespace IntakePipeline.EndToEnd;

/// <summary>What one table was asked to do; thread-safe.</summary>
internal sealed class TableCounters
{
    private long _entities;
    private long _batches;
    private long _singleWrites;
    private long _pointReads;
    private long _queries;
    private long _rowsRead;
    private long _writeTicks;
    private long _readTicks;

    public long Entities => Interlocked.Read(ref _entities);

    public long Batches => Interlocked.Read(ref _batches);

    public long SingleWrites => Interlocked.Read(ref _singleWrites);

    public long PointReads => Interlocked.Read(ref _pointReads);

    public long Queries => Interlocked.Read(ref _queries);

    public long RowsRead => Interlocked.Read(ref _rowsRead);

    /// <summary>Time spent in write calls, summed over concurrent callers.</summary>
    public TimeSpan WriteTime => TimeSpan.FromTicks(Interlocked.Read(ref _writeTicks));

    /// <summary>Time spent in read calls (including enumerating query pages), summed over concurrent callers.</summary>
    public TimeSpan ReadTime => TimeSpan.FromTicks(Interlocked.Read(ref _readTicks));

    public void AddBatch(int entities, TimeSpan elapsed)
    {
        Interlocked.Add(ref _entities, entities);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _writeTicks, elapsed.Ticks);
    }

    public void AddSingleWrite(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _entities);
        Interlocked.Increment(ref _singleWrites);
        Interlocked.Add(ref _writeTicks, elapsed.Ticks);
    }

    public void AddPointRead(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _pointReads);
        Interlocked.Add(ref _readTicks, elapsed.Ticks);
    }

    public void AddQuery(long rows, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _queries);
        Interlocked.Add(ref _rowsRead, rows);
        Interlocked.Add(ref _readTicks, elapsed.Ticks);
    }
}
