using System.Runtime.InteropServices;
using Car.Speech.Audio;
using Car.Speech.Output;
using Car.Speech.Whisper.Interop;
using Car.Speech.Whisper;
using Car.Testing;
using Microsoft.Extensions.Options;

namespace Car.Speech.Tests.Whisper;

/// <summary>whisper.cpp through Car's binding, on the project's random-weight test model.</summary>
public class WhisperTests
{
    [Fact]
    public void Structs_MatchWhisperHeader()
    {
        Assert.Equal(48, Marshal.SizeOf<WhisperContextParams>());
        Assert.Equal(304, Marshal.SizeOf<WhisperFullParams>());
        Assert.Equal(56, (int)Marshal.OffsetOf<WhisperFullParams>(nameof(WhisperFullParams.AudioCtx)));
        Assert.Equal(104, (int)Marshal.OffsetOf<WhisperFullParams>(nameof(WhisperFullParams.Language)));
        Assert.Equal(116, (int)Marshal.OffsetOf<WhisperFullParams>(nameof(WhisperFullParams.Temperature)));
        Assert.Equal(208, (int)Marshal.OffsetOf<WhisperFullParams>(nameof(WhisperFullParams.AbortCallback)));
        Assert.Equal(280, (int)Marshal.OffsetOf<WhisperFullParams>(nameof(WhisperFullParams.VadThreshold)));
        Assert.Equal(24, (int)Marshal.OffsetOf<WhisperContextParams>(nameof(WhisperContextParams.DtwAheadsCount)));
    }

    [Fact]
    public void DefaultParams_AreTheDocumentedOnes()
    {
        Assert.True(WhisperFactory.IsAvailable);
        var defaults = WhisperNative.FullDefaultParams(WhisperNative.SamplingGreedy);

        Assert.Equal(0, defaults.Strategy);
        Assert.Equal(16384, defaults.NMaxTextCtx);
        Assert.Equal(0.2f, defaults.TemperatureInc);
        Assert.Equal(1, defaults.SuppressBlank);
    }

    [Fact]
    public async Task ProcessAsync_EspeakSpeech_TranscribesWithTokensAndAConfidence()
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var wav = Path.Combine(Path.GetTempPath(), $"car-asr-{Guid.NewGuid():N}.wav");
        await speaker.WriteWavAsync("空调调到二十二度", wav);
        var audio = await WavReader.ReadSpeechAsync(wav);
        File.Delete(wav);
        using var whisper = WhisperFactory.FromPath(TestWhisperModel.Path);
        using var processor = whisper.CreateBuilder().WithMaxTokens(24).WithoutTemperatureFallback().Build();

        var transcript = await processor.ProcessAsync(audio.Samples);

        // whisper.cpp's max_tokens lets one token past the cap before it stops the segment.
        Assert.InRange(transcript.Tokens, 1, 25);
        Assert.InRange(transcript.Confidence, 0, 1);
    }

    [Fact]
    public async Task ProcessAsync_Cancelled_ThrowsAndTheNextCallWorks()
    {
        using var whisper = WhisperFactory.FromPath(TestWhisperModel.Path);
        using var processor = whisper.CreateBuilder().WithMaxTokens(8).WithoutTemperatureFallback().Build();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.ProcessAsync(new float[16_000], cancel.Token));
        var after = await processor.ProcessAsync(TestAudio.Tone(300, 16_000, 1.0));

        Assert.InRange(after.Tokens, 0, 9);
    }

    [Fact]
    public async Task ProcessAsync_CancelledWhileAnotherPassRuns_AnsweredAtOnceAndTheOtherPassFinishes()
    {
        using var whisper = WhisperFactory.FromPath(TestWhisperModel.Path);
        using var processor = whisper.CreateBuilder().WithMaxTokens(64).WithoutTemperatureFallback().Build();
        var running = processor.ProcessAsync(TestAudio.Tone(300, 16_000, 3.0));
        using var cancel = new CancellationTokenSource();
        var queued = processor.ProcessAsync(TestAudio.Tone(300, 16_000, 3.0), cancel.Token);

        await cancel.CancelAsync();

        // The queued pass answers before the running one ends: it never started, so nothing had to be aborted.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.False(running.IsCompleted, "the first pass ended before the cancel: nothing was tested");
        Assert.InRange((await running).Tokens, 0, 65);
    }

    [Theory]
    [InlineData(16_000 * 3, 214)]
    [InlineData(16_000 * 30, 1500)]
    [InlineData(16_000 * 60, 1500)]
    public void AudioContextFor_ScalesWithTheUtterance(int samples, int expected)
    {
        Assert.Equal(expected, WhisperProcessor.AudioContextFor(samples));
    }

    [Fact]
    public void FromPath_Missing_NotGgml_Truncated_ClearErrors()
    {
        var directory = Directory.CreateTempSubdirectory("car-bad-asr-").FullName;
        var text = Path.Combine(directory, "notes.bin");
        File.WriteAllText(text, "not a model");
        var cut = Path.Combine(directory, "cut.bin");
        var bytes = File.ReadAllBytes(TestWhisperModel.Path);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 3)]);

        var missing = Assert.Throws<WhisperException>(() => WhisperFactory.FromPath(Path.Combine(directory, "none.bin")));
        var notGgml = Assert.Throws<WhisperException>(() => WhisperFactory.FromPath(text));
        var truncated = Assert.Throws<WhisperException>(() => WhisperFactory.FromPath(cut));

        Directory.Delete(directory, recursive: true);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains("not a whisper.cpp (ggml) model", notGgml.Message, StringComparison.Ordinal);
        Assert.Contains("could not load", truncated.Message, StringComparison.Ordinal);
    }

}
