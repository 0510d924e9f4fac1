using System.Buffers.Binary;

namespace Car.Speech.Audio;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8/16/24/32-bit, IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE, any sample rate and
/// channel count. Channels are averaged to mono; the result is resampled to 16 kHz for speech. A file that is not
/// WAV, is truncated, too large, or uses another encoding gives an <see cref="AudioFormatException"/> that says which.
/// Chunk sizes are taken as untrusted: one that claims more than the file holds ends the walk (or, for the audio
/// data, is cut to what is there), so no header value can make the reader allocate more than the file's own size.
/// </summary>
public static class WavReader
{
    /// <summary>
    /// The largest file read: 64 MiB is over half an hour of 16 kHz 16-bit mono, far beyond one spoken request,
    /// and keeps the decoded and resampled buffers within a few hundred megabytes whatever the header says.
    /// </summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Lowest sample rate accepted (telephone-band audio is 8 kHz; below 4 kHz no speech survives).</summary>
    public const int MinSampleRate = 4_000;

    /// <summary>Highest sample rate accepted (the highest rate of professional audio interfaces).</summary>
    public const int MaxSampleRate = 384_000;

    /// <summary>Most channels accepted (a 22.2 surround layout has 24).</summary>
    public const int MaxChannels = 32;

    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>
    /// Reads a WAV file as 16 kHz mono. A missing file gives a <see cref="FileNotFoundException"/> (an
    /// <see cref="IOException"/>); a directory, an unreadable or an oversized file an <see cref="AudioFormatException"/>.
    /// </summary>
    public static async Task<AudioClip> ReadSpeechAsync(string path, CancellationToken cancellationToken = default) =>
        ToSpeechRate(await ReadFileAsync(path, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a WAV file as mono at the file's own sample rate; errors as <see cref="ReadSpeechAsync"/>.</summary>
    public static async Task<AudioClip> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new AudioFormatException($"{path} is a directory, not a WAV file.");
        }

        byte[] bytes;
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                if (stream.Length > MaxFileBytes)
                {
                    throw new AudioFormatException($"{path} is {stream.Length} bytes; at most {MaxFileBytes} bytes ({MaxFileBytes / (1024 * 1024)} MiB) are read.");
                }

                bytes = new byte[stream.Length];
                await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new AudioFormatException($"{path} cannot be read: {e.Message}", e);
        }

        return Read(bytes, path);
    }

    /// <summary>Resamples a clip to 16 kHz, the rate voice activity detection and Whisper work at.</summary>
    public static AudioClip ToSpeechRate(AudioClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return clip.SampleRate == AudioClip.SpeechRate ? clip : Resampler.Resample(clip, AudioClip.SpeechRate);
    }

    /// <summary>Decodes a WAV file to mono floats at the file's own rate.</summary>
    public static AudioClip Read(ReadOnlySpan<byte> bytes, string name = "audio")
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            throw new AudioFormatException($"{name} is not a WAV file (no RIFF/WAVE header).");
        }

        if (bytes.Length > MaxFileBytes)
        {
            throw new AudioFormatException($"{name} is {bytes.Length} bytes; at most {MaxFileBytes} bytes ({MaxFileBytes / (1024 * 1024)} MiB) are read.");
        }

        ushort format = 0, channels = 0, bits = 0;
        var rate = 0;

        // Offsets and sizes are long: a chunk size near 2^32 added to an offset would overflow an int.
        long offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice((int)offset, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice((int)offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > bytes.Length)
                {
                    throw new AudioFormatException($"{name} has a truncated format chunk.");
                }

                var fmt = bytes.Slice((int)body, (int)Math.Min(size, bytes.Length - body));
                format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
                var declaredRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
                if (format == FormatExtensible && fmt.Length >= 26)
                {
                    format = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
                }

                if (declaredRate is < MinSampleRate or > MaxSampleRate)
                {
                    throw new AudioFormatException($"{name} declares a sample rate of {declaredRate} Hz; {MinSampleRate}–{MaxSampleRate} Hz are supported.");
                }

                if (channels is 0 or > MaxChannels)
                {
                    throw new AudioFormatException($"{name} declares {channels} channels; 1–{MaxChannels} are supported.");
                }

                rate = (int)declaredRate;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format == 0)
                {
                    throw new AudioFormatException($"{name} has audio data before its format chunk.");
                }

                var available = (int)Math.Min(size, bytes.Length - body);
                return Decode(bytes.Slice((int)body, available), format, channels, rate, bits, name, truncated: available < size);
            }

            offset = body + size + (size & 1);
        }

        throw new AudioFormatException($"{name} has no audio data chunk (truncated?).");
    }

    private static AudioClip Decode(ReadOnlySpan<byte> data, ushort format, ushort channels, int rate, ushort bits, string name, bool truncated)
    {
        var supported = (format, bits) is (FormatPcm, 8 or 16 or 24 or 32) or (FormatFloat, 32 or 64);
        if (!supported)
        {
            throw new AudioFormatException($"{name} uses an unsupported encoding (format {format}, {bits} bits); use PCM 8/16/24/32-bit or float 32/64-bit.");
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
