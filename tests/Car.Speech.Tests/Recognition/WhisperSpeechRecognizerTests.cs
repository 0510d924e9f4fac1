using Car.Speech.Recognition;
using Car.Speech.Whisper;
using Car.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Car.Speech.Tests.Recognition;

/// <summary>The recogniser the dialogue sees: a model from Asr:ModelPath, or a clear word that there is none.</summary>
public sealed class WhisperSpeechRecognizerTests : IDisposable
{
    private readonly TraditionalToSimplified _script = new(NullLogger<TraditionalToSimplified>.Instance);

    public void Dispose() => _script.Dispose();

    [Fact]
    public async Task RecognizeAsync_TestModel_GivesATranscriptWithinTheTokenCap()
    {
        using var recognizer = Create(new SpeechRecognitionOptions { ModelPath = TestWhisperModel.Path, MaxTokens = 8 });

        var transcript = await recognizer.RecognizeAsync(TestAudio.Tone(300, 16_000, 1.0));

        Assert.Null(recognizer.Unavailable);
        Assert.InRange(transcript.Tokens, 0, 9);
        Assert.InRange(transcript.Confidence, 0, 1);
    }

    [Fact]
    public async Task RecognizeAsync_NoModelConfigured_SaysWhyAndRefuses()
    {
        using var recognizer = Create(new SpeechRecognitionOptions());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => recognizer.RecognizeAsync(new float[16_000]));

        Assert.Equal("no ASR model (--asr-model FILE or Asr:ModelPath)", recognizer.Unavailable);
        Assert.Contains("no ASR model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ModelFileMissing_WhisperExceptionNamesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"car-none-{Guid.NewGuid():N}.bin");

        var error = Assert.Throws<WhisperException>(() => Create(new SpeechRecognitionOptions { ModelPath = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DefaultOptions_WhisperThreadsWaitPassivelyForASharedCpu()
    {
        using var recognizer = Create(new SpeechRecognitionOptions { ModelPath = TestWhisperModel.Path, MaxTokens = 4 });
        await recognizer.RecognizeAsync(TestAudio.Tone(300, 16_000, 0.5));

        // What libgomp read when whisper.cpp loaded: the native environment, not .NET's copy of it.
        var expected = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "PASSIVE";
        Assert.Equal(expected, Car.Native.OpenMpWaitPolicy.Native(Car.Native.OpenMpWaitPolicy.PolicyVariable));
    }

    [Fact]
    public async Task RecognizeAsync_NiceSet_ThePassAndItsWorkerThreadsRunAtIt()
    {
        using var recognizer = Create(new SpeechRecognitionOptions { ModelPath = TestWhisperModel.Path, MaxTokens = 64, Threads = 2, Nice = 6 });
        var before = await ThreadsAtNice.SteadyCountAsync(6); // the probe that checked the value has ended

        await recognizer.RecognizeAsync(TestAudio.Tone(300, 16_000, 3.0));
        var after = await ThreadsAtNice.SteadyCountAsync(6);

        // The pass's OpenMP worker was started by the pass thread during the pass and took the nice value that thread had
        // then; it sleeps at it between passes. The pass thread itself is back at its own priority. (Sampling /proc while
        // the test model's pass runs, a few milliseconds, missed the two together on a loaded CI machine.)
        Assert.Equal(0, before);
        Assert.Equal(1, after);
    }

    [Fact]
    public async Task RecognizeAsync_SeveralPasses_ShareOneThreadAndItsOpenMpWorker()
    {
        using var recognizer = Create(new SpeechRecognitionOptions { ModelPath = TestWhisperModel.Path, MaxTokens = 64, Threads = 2, Nice = 6 });
        var sleepingAfterEachPass = new List<string>();

        for (var pass = 0; pass < 3; pass++)
        {
            await recognizer.RecognizeAsync(TestAudio.Tone(300, 16_000, 3.0));
            await ThreadsAtNice.SteadyCountAsync(6);
            sleepingAfterEachPass.Add(string.Join(",", ThreadsAtNice.Ids(6).Order(StringComparer.Ordinal)));
        }

        // After every pass the same one OpenMP worker sleeps at the pass's priority: the passes ran on one thread, whose
        // worker pool stays. A thread per pass would leave none (the pool ends with its thread) and a new one each time.
        var worker = Assert.Single(sleepingAfterEachPass.Distinct());
        Assert.Single(worker.Split(','), id => id.Length > 0);
    }

    private WhisperSpeechRecognizer Create(SpeechRecognitionOptions options) => new(Options.Create(options), _script);
}
