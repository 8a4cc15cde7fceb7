namespace IntakePipeline.Core.Tests.Submissions.Fixtures;

/// <summary>
/// A forward-only stream like a blob download: no length, no seeking, and reads that may return fewer bytes than asked.
/// It counts how many bytes were read.
/// </summary>
internal sealed class NonSeekableStream : Stream
{
    private readonly byte[]? _bytes;
    private readonly long _length;
    private readonly byte _fill;
    private readonly int _chunk;

    private NonSeekableStream(byte[]? bytes, long length, byte fill, int chunk)
    {
        _bytes = bytes;
        _length = length;
        _fill = fill;
        _chunk = chunk;
    }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary><paramref name="length"/> bytes of <paramref name="fill"/>, produced without being held.</summary>
    public static NonSeekableStream Filled(long length, byte fill = (byte)'a') => new(null, length, fill, int.MaxValue);

    /// <summary>The given bytes, at most <paramref name="chunk"/> of them a read.</summary>
    public static NonSeekableStream Over(byte[] bytes, int chunk = int.MaxValue) => new(bytes, bytes.Length, 0, chunk);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(Math.Min(buffer.Length, _chunk), _length - BytesRead);
        if (_bytes is null)
        {
            buffer[..count].Fill(_fill);
        }
        else
        {
            _bytes.AsSpan((int)BytesRead, count).CopyTo(buffer);
        }

        BytesRead += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
