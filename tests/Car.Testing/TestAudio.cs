using System.Buffers.Binary;

namespace Car.Testing;

/// <summary>Signals and WAV files made by the tests.</summary>
public static class TestAudio
{
    public static float[] Tone(double frequency, int rate, double seconds, double amplitude = 0.5) =>
        [.. Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate)))];

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Frequency from zero crossings, over the middle of the signal (away from filter edges).</summary>
    public static double Frequency(float[] samples, int rate)
    {
        var start = samples.Length / 4;
        var end = 3 * samples.Length / 4;
        var crossings = new List<double>();
        for (var i = start + 1; i < end; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                crossings.Add(i - 1 + (samples[i - 1] / (samples[i - 1] - samples[i])));
            }
        }

        return (crossings.Count - 1) / ((crossings[^1] - crossings[0]) / rate);
    }

    /// <summary>A WAV file of the given encoding: format 1 (PCM) or 3 (float), interleaving the channels.</summary>
    public static byte[] Wav(float[][] channels, int rate, ushort format, ushort bits, bool extensible = false)
    {
        var frames = channels[0].Length;
        var bytesPerSample = bits / 8;
        var data = new byte[frames * channels.Length * bytesPerSample];
        for (var frame = 0; frame < frames; frame++)
        {
            for (var channel = 0; channel < channels.Length; channel++)
            {
                var value = channels[channel][frame];
                var target = data.AsSpan(((frame * channels.Length) + channel) * bytesPerSample);
                switch ((format, bits))
                {
                    case (1, 8):
                        target[0] = (byte)Math.Clamp(Math.Round((value * 127) + 128), 0, 255);
                        break;
                    case (1, 16):
                        BinaryPrimitives.WriteInt16LittleEndian(target, (short)Math.Round(value * 32767));
                        break;
                    case (1, 24):
                        var v24 = (int)Math.Round(value * 8388607);
                        target[0] = (byte)v24;
                        target[1] = (byte)(v24 >> 8);
                        target[2] = (byte)(v24 >> 16);
                        break;
                    case (1, 32):
                        BinaryPrimitives.WriteInt32LittleEndian(target, (int)Math.Round(value * 2147483647.0));
                        break;
                    case (3, 32):
                        BinaryPrimitives.WriteSingleLittleEndian(target, value);
                        break;
                    default:
                        BinaryPrimitives.WriteDoubleLittleEndian(target, value);
                        break;
                }
            }
        }

        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        var fmtSize = extensible ? 40 : 16;
        writer.Write("RIFF"u8);
        writer.Write(4 + 8 + fmtSize + 8 + data.Length);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(fmtSize);
        writer.Write(extensible ? (ushort)0xFFFE : format);
        writer.Write((ushort)channels.Length);
        writer.Write(rate);
        writer.Write(rate * channels.Length * bytesPerSample);
        writer.Write((ushort)(channels.Length * bytesPerSample));
        writer.Write(bits);
        if (extensible)
        {
            writer.Write((ushort)22);
            writer.Write(bits);
            writer.Write(0u);
            writer.Write(format);
            writer.Write(new byte[14]);
        }

        writer.Write("data"u8);
        writer.Write(data.Length);
        writer.Write(data);
        return stream.ToArray();
    }
}
