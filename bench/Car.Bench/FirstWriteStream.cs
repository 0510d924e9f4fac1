using System.Diagnostics;

namespace Car.Bench;

/// <summary>A sink that notes when the first bytes arrive (time since it was made); the bytes are dropped.</summary>
internal sealed class FirstWriteStream : Stream
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public TimeSpan? FirstWrite { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Note(count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Note(buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Note(int count)
    {
        if (count > 0 && FirstWrite is null)
        {
            FirstWrite = Stopwatch.GetElapsedTime(_started);
        }
    }
}
