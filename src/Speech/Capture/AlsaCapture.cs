using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Car.Speech.Capture;

/// <summary>
/// Records from an ALSA device through arecord (16 kHz, mono, signed 16-bit), yielding 32 ms chunks as floats.
/// A missing recorder or a device that cannot be opened gives an <see cref="IOException"/> with arecord's words.
/// </summary>
public sealed class AlsaCapture(IOptions<CaptureOptions> options) : IAudioCapture
{
    private const int ChunkSamples = 512;

    public async IAsyncEnumerable<float[]> CaptureAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var start = new ProcessStartInfo(settings.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-q", "-D", settings.Device, "-f", "S16_LE", "-r", "16000", "-c", "1", "-t", "raw" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new IOException($"{settings.Program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"{settings.Program} is not installed (apt-get install alsa-utils): no live audio.", e);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var stream = process.StandardOutput.BaseStream;
            var buffer = new byte[ChunkSamples * 2];
            try
            {
                while (true)
                {
                    var filled = 0;
                    while (filled < buffer.Length)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        filled += read;
                    }

                    if (filled == 0)
                    {
                        break;
                    }

                    var chunk = new float[filled / 2];
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        chunk[i] = BinaryPrimitives.ReadInt16LittleEndian(buffer.AsSpan(i * 2)) / 32768f;
                    }

                    yield return chunk;
                    if (filled < buffer.Length)
                    {
                        break;
                    }
                }
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }

            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (process.ExitCode != 0 && !cancellationToken.IsCancellationRequested)
            {
                throw new IOException($"cannot record from the sound device '{settings.Device}' ({settings.Program}): {AlsaErrors.Summarize(await errors.ConfigureAwait(false))}.");
            }
        }
    }
}
