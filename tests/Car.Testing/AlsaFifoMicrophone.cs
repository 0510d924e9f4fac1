using System.Buffers.Binary;
using System.Diagnostics;

namespace Car.Testing;

/// <summary>
/// A "microphone" the test speaks into as it goes: like <see cref="AlsaFilePcm"/> an .asoundrc in <c>home</c> whose
/// file PCM <c>cartest</c> records 16 kHz audio, but its input is a named pipe. arecord waits for what the test has
/// not said yet, so a car hears each piece only after the test wrote it, and a write returns only once all but
/// the pipes' buffers (a few seconds of audio) have been read.
/// </summary>
public sealed class AlsaFifoMicrophone : IAsyncDisposable
{
    public const string Device = AlsaFilePcm.Device;

    private readonly string _fifo;
    private readonly Task<FileStream> _writer;

    private AlsaFifoMicrophone(string fifo)
    {
        _fifo = fifo;
        _writer = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0));
    }

    /// <summary>
    /// Audio that pushes everything said before it through the pipes (the named pipe's and arecord's output, 64 KB
    /// each, and arecord's own buffer): once it is written, what came before has reached the program that records.
    /// </summary>
    public static float[] Flush { get; } = new float[16_000 * 8];

    /// <summary>Writes the .asoundrc and the named pipe; the car that records opens its other end.</summary>
    public static async Task<AlsaFifoMicrophone> CreateAsync(string home)
    {
        var fifo = Path.Combine(home, "input.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync().ConfigureAwait(false);
            if (mkfifo.ExitCode != 0)
            {
                throw new IOException($"mkfifo {fifo} failed ({mkfifo.ExitCode})");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(home, ".asoundrc"), $$"""
            pcm.{{Device}} {
              type file
              slave.pcm "null"
              file "/dev/null"
              infile "{{fifo}}"
              format "raw"
            }
            """).ConfigureAwait(false);

        // Opening a pipe for writing waits for its reader: arecord, once the car starts recording.
        return new AlsaFifoMicrophone(fifo);
    }

    /// <summary>Says <paramref name="audio"/> (16 kHz): returns once the pipe has taken it.</summary>
    public async Task SayAsync(float[] audio, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var bytes = new byte[audio.Length * 2];
        for (var i = 0; i < audio.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)Math.Clamp(audio[i] * 32767, short.MinValue, short.MaxValue));
        }

        var writer = await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the pipe; stop the car that records first (arecord reads a closed pipe's end as endless noise).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_writer.IsCompleted)
        {
            // Nothing ever recorded: be the reader, so that the open waiting for one returns.
            await using var reader = new FileStream(_fifo, FileMode.Open, FileAccess.Read, FileShare.Write, bufferSize: 0);
        }

        await (await _writer.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }
}
