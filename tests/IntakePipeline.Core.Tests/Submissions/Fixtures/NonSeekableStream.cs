namespace IntakePipeline.Core.Tests.Submissions.Fixtures;

/// <summary>
/// A forward-only stream like a blob download: no length, no seeking. It produces <paramref name="length"/> bytes of
/// <paramref name="fill"/> without holding them, and counts how many were read.
/// </summary>
internal sealed class NonSeekableStream(long length, byte fill = (byte)'a') : Stream
{
    private long _position;

    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        buffer[..count].Fill(fill);
        _position += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
