using System.Buffers.Binary;

namespace Car.Speech.Audio;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8/16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE, any sample rate and
/// channel count. Channels are averaged to mono; the result is resampled to 16 kHz for speech. A file that is not
/// WAV, is truncated, or uses another encoding gives an <see cref="AudioFormatException"/> that says which.
/// </summary>
public static class WavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    public static async Task<AudioClip> ReadSpeechAsync(string path, CancellationToken cancellationToken = default)
    {
        var clip = Read(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), path);
        return clip.SampleRate == AudioClip.SpeechRate ? clip : Resampler.Resample(clip, AudioClip.SpeechRate);
    }

    /// <summary>Decodes a WAV file to mono floats at the file's own rate.</summary>
    public static AudioClip Read(ReadOnlySpan<byte> bytes, string name = "audio")
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            throw new AudioFormatException($"{name} is not a WAV file (no RIFF/WAVE header).");
        }

        ushort format = 0, channels = 0, bits = 0;
        var rate = 0;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice(offset, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(offset + 4, 4)), int.MaxValue);
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > bytes.Length)
                {
                    throw new AudioFormatException($"{name} has a truncated format chunk.");
                }

                format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 2, 2));
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 14, 2));
                if (format == FormatExtensible && size >= 26 && body + 26 <= bytes.Length)
                {
                    format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 24, 2));
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format == 0)
                {
                    throw new AudioFormatException($"{name} has audio data before its format chunk.");
                }

                var available = Math.Min(size, bytes.Length - body);
                return Decode(bytes.Slice(body, available), format, channels, rate, bits, name, truncated: available < size);
            }

            offset = body + size + (size & 1);
        }

        throw new AudioFormatException($"{name} has no audio data chunk (truncated?).");
    }

    private static AudioClip Decode(ReadOnlySpan<byte> data, ushort format, ushort channels, int rate, ushort bits, string name, bool truncated)
    {
        if (channels == 0 || rate <= 0)
        {
            throw new AudioFormatException($"{name} declares {channels} channels at {rate} Hz.");
        }

        var supported = (format, bits) is (FormatPcm, 8 or 16 or 24 or 32) or (FormatFloat, 32 or 64);
        if (!supported)
        {
            throw new AudioFormatException($"{name} uses an unsupported encoding (format {format}, {bits} bits); use PCM 8/16/24/32-bit or float.");
        }

        var bytesPerSample = bits / 8;
        var frameSize = bytesPerSample * channels;
        var frames = data.Length / frameSize;
        if (frames == 0 && truncated)
        {
            throw new AudioFormatException($"{name} is truncated: no complete audio frame.");
        }

        var samples = new float[frames];
        for (var frame = 0; frame < frames; frame++)
        {
            var sum = 0.0;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += Sample(data.Slice((frame * frameSize) + (channel * bytesPerSample), bytesPerSample), format, bits);
            }

            samples[frame] = (float)(sum / channels);
        }

        return new AudioClip(samples, rate);
    }

    private static double Sample(ReadOnlySpan<byte> bytes, ushort format, ushort bits) => (format, bits) switch
    {
        (FormatPcm, 8) => (bytes[0] - 128) / 128.0,
        (FormatPcm, 16) => BinaryPrimitives.ReadInt16LittleEndian(bytes) / 32768.0,
        (FormatPcm, 24) => ((bytes[0] | (bytes[1] << 8) | (bytes[2] << 16)) << 8 >> 8) / 8388608.0,
        (FormatPcm, 32) => BinaryPrimitives.ReadInt32LittleEndian(bytes) / 2147483648.0,
        (FormatFloat, 32) => Math.Clamp(BinaryPrimitives.ReadSingleLittleEndian(bytes), -1f, 1f),
        _ => Math.Clamp(BinaryPrimitives.ReadDoubleLittleEndian(bytes), -1, 1),
    };
}
