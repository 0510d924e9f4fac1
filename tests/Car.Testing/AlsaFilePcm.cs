using System.Buffers.Binary;

namespace Car.Testing;

/// <summary>
/// A "microphone" for ALSA tests: an .asoundrc in <c>home</c> whose file PCM <c>cartest</c> records the given
/// 16 kHz audio. ALSA finds it through HOME, so tests that use it set HOME for arecord (or run alone).
/// </summary>
public static class AlsaFilePcm
{
    public const string Device = "cartest";

    public static async Task<string> ConfigureAsync(string home, float[] audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var raw = System.IO.Path.Combine(home, "input.raw");
        var bytes = new byte[audio.Length * 2];
        for (var i = 0; i < audio.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)Math.Clamp(audio[i] * 32767, short.MinValue, short.MaxValue));
        }

        await File.WriteAllBytesAsync(raw, bytes).ConfigureAwait(false);
        await File.WriteAllTextAsync(System.IO.Path.Combine(home, ".asoundrc"), $$"""
            pcm.{{Device}} {
              type file
              slave.pcm "null"
              file "/dev/null"
              infile "{{raw}}"
              format "raw"
            }
            """).ConfigureAwait(false);
        return Device;
    }
}
