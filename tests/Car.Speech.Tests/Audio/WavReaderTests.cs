using System.Buffers.Binary;
using Car.Speech.Audio;
using Car.Testing;

namespace Car.Speech.Tests.Audio;

public class WavReaderTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(1, 16)]
    [InlineData(1, 24)]
    [InlineData(1, 32)]
    [InlineData(3, 32)]
    [InlineData(3, 64)]
    public void Read_EveryEncoding_GivesTheSignalBack(ushort format, ushort bits)
    {
        var tone = TestAudio.Tone(440, 22_050, 0.2, amplitude: 0.6);

        var clip = WavReader.Read(TestAudio.Wav([tone], 22_050, format, bits));

        Assert.Equal(22_050, clip.SampleRate);
        Assert.Equal(tone.Length, clip.Samples.Length);
        var tolerance = bits == 8 ? 0.01 : 0.0002;
        Assert.All(Enumerable.Range(0, tone.Length), i => Assert.Equal(tone[i], clip.Samples[i], tolerance));
    }

    [Fact]
    public void Read_Stereo_AveragesTheChannels()
    {
        var left = TestAudio.Tone(440, 16_000, 0.1, 0.4);
        var right = new float[left.Length];

        var clip = WavReader.Read(TestAudio.Wav([left, right], 16_000, 1, 16));

        Assert.Equal(left[100] / 2, clip.Samples[100], 0.0002);
    }

    [Fact]
    public void Read_Extensible_IsReadLikePlainPcm()
    {
        var tone = TestAudio.Tone(440, 16_000, 0.1);

        var clip = WavReader.Read(TestAudio.Wav([tone], 16_000, 1, 24, extensible: true));

        Assert.Equal(tone[50], clip.Samples[50], 0.0002);
    }

    [Fact]
    public async Task ReadSpeechAsync_FortyEightKilohertzStereo_Becomes16KilohertzMono()
    {
        var path = Path.GetTempFileName();
        var tone = TestAudio.Tone(1000, 48_000, 0.5);
        await File.WriteAllBytesAsync(path, TestAudio.Wav([tone, tone], 48_000, 1, 16));

        var clip = await WavReader.ReadSpeechAsync(path);

        File.Delete(path);
        Assert.Equal(16_000, clip.SampleRate);
        Assert.Equal(8_000, clip.Samples.Length);
    }

    [Fact]
    public void Read_NotWav_SaysSo()
    {
        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read("ID3 this is an mp3"u8.ToArray(), "song.mp3"));

        Assert.Equal("song.mp3 is not a WAV file (no RIFF/WAVE header).", error.Message);
    }

    [Fact]
    public void Read_CutInsideTheFormat_SaysTruncated()
    {
        var bytes = TestAudio.Wav([TestAudio.Tone(440, 16_000, 0.1)], 16_000, 1, 16)[..30];

        Assert.Contains("truncated", Assert.Throws<AudioFormatException>(() => WavReader.Read(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CutInsideTheData_KeepsTheCompleteFrames()
    {
        var bytes = TestAudio.Wav([TestAudio.Tone(440, 16_000, 0.1)], 16_000, 1, 16);

        var clip = WavReader.Read(bytes.AsSpan(0, 44 + 101));

        Assert.Equal(50, clip.Samples.Length);
    }

    [Fact]
    public void Read_UnsupportedEncoding_NamesIt()
    {
        var bytes = TestAudio.Wav([TestAudio.Tone(440, 8_000, 0.1)], 8_000, 1, 16);
        bytes[20] = 6;

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(bytes));

        Assert.Contains("unsupported encoding (format 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ClippedFloat_IsClampedToFullScale()
    {
        var clip = WavReader.Read(TestAudio.Wav([[3f, -3f, 0.5f]], 16_000, 3, 32));

        Assert.Equal([1f, -1f, 0.5f], clip.Samples);
    }

    [Fact]
    public void Read_Silence_GivesZeros()
    {
        var clip = WavReader.Read(TestAudio.Wav([new float[1600]], 16_000, 1, 16));

        Assert.All(clip.Samples, s => Assert.Equal(0, s));
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(3_999u)]
    [InlineData(384_001u)]
    [InlineData(2_000_000_000u)]
    [InlineData(uint.MaxValue)]
    public void Read_SampleRateOutOfRange_NamesTheRateAndTheRange(uint rate)
    {
        var bytes = ShortWav();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), rate);

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(bytes));

        Assert.Contains($"sample rate of {rate} Hz; 4000–384000 Hz", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(ushort.MaxValue)]
    public void Read_ChannelCountOutOfRange_NamesTheCountAndTheRange(ushort channels)
    {
        var bytes = ShortWav();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(22), channels);

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(bytes));

        Assert.Contains($"{channels} channels; 1–32", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(ushort.MaxValue)]
    public void Read_UnsupportedBitsPerSample_NamesThem(ushort bits)
    {
        var bytes = ShortWav();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(34), bits);

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(bytes));

        Assert.Contains($"(format 1, {bits} bits)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x7FFFFFF0u)]
    [InlineData(0x80000000u)]
    [InlineData(0xFFFFFFFFu)]
    public void Read_DataChunkClaimingMoreThanTheFile_KeepsWhatIsThere(uint size)
    {
        var bytes = ShortWav();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), size);

        var clip = WavReader.Read(bytes);

        Assert.Equal((bytes.Length - 44) / 2, clip.Samples.Length);
    }

    [Theory]
    [InlineData(0x7FFFFFF0u)]
    [InlineData(0xFFFFFFFFu)]
    public void Read_FormatChunkClaimingMoreThanTheFile_SaysThereIsNoData(uint size)
    {
        var bytes = ShortWav();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), size);

        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(bytes));

        Assert.Contains("no audio data chunk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataChunkOfSizeZero_GivesAnEmptyClip()
    {
        var bytes = ShortWav();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), 0);

        Assert.Empty(WavReader.Read(bytes).Samples);
    }

    [Fact]
    public async Task ReadSpeechAsync_Directory_SaysItIsADirectory()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            var error = await Assert.ThrowsAsync<AudioFormatException>(() => WavReader.ReadSpeechAsync(directory.FullName));

            Assert.Equal($"{directory.FullName} is a directory, not a WAV file.", error.Message);
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public async Task ReadSpeechAsync_MissingFile_GivesFileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-missing-{Guid.NewGuid():N}.wav");

        await Assert.ThrowsAsync<FileNotFoundException>(() => WavReader.ReadSpeechAsync(path));
    }

    [Fact]
    public async Task ReadSpeechAsync_FileOverTheLimit_IsRejectedBeforeReading()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var stream = File.OpenWrite(path))
            {
                stream.SetLength(WavReader.MaxFileBytes + 1);
            }

            var error = await Assert.ThrowsAsync<AudioFormatException>(() => WavReader.ReadSpeechAsync(path));

            Assert.Contains("at most 67108864 bytes (64 MiB)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] ShortWav() => TestAudio.Wav([TestAudio.Tone(440, 16_000, 0.01)], 16_000, 1, 16);
}
