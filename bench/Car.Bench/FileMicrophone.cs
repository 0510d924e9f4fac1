using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Car.Speech.Capture;

namespace Car.Bench;

/// <summary>
/// A fake microphone backed by a raw 16 kHz S16LE file, played in 32 ms chunks like <see cref="AlsaCapture"/> and
/// looped until <c>duration</c> of audio has been heard; paced in real time or as fast as the reader takes it.
/// </summary>
internal sealed class FileMicrophone(string path, TimeSpan duration, bool realTime) : IAudioCapture
{
    public const int ChunkSamples = 512;

    /// <summary>Samples delivered so far (the microphone's clock).</summary>
    public long Position { get; private set; }

    /// <summary>When the first chunk was read (a <see cref="TimeProvider.GetTimestamp"/>); in real time, sample n is heard n/16000 s later.</summary>
    public long Started { get; private set; }

    public async IAsyncEnumerable<float[]> CaptureAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var total = (long)(duration.TotalSeconds * 16_000);
        var fileSamples = bytes.Length / 2;
        var started = Started = TimeProvider.System.GetTimestamp();
        while (Position < total)
        {
            var chunk = new float[ChunkSamples];
            for (var i = 0; i < chunk.Length; i++)
            {
                var at = (int)((Position + i) % fileSamples);
                chunk[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(at * 2)) / 32768f;
            }

            Position += chunk.Length;
            if (realTime)
            {
                var due = TimeSpan.FromSeconds(Position / 16_000.0) - TimeProvider.System.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, cancellationToken);
                }
            }

            yield return chunk;
        }
    }

    /// <summary>Writes audio as the raw file this microphone plays.</summary>
    public static async Task WriteAsync(string path, float[] audio)
    {
        var bytes = new byte[audio.Length * 2];
        for (var i = 0; i < audio.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)Math.Clamp(audio[i] * 32767, short.MinValue, short.MaxValue));
        }

        await File.WriteAllBytesAsync(path, bytes);
    }
}
