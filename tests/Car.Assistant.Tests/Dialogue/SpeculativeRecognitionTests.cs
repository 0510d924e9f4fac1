using Car.Assistant.Dialogue;
using Car.Assistant.Hosting;
using Car.Speech;
using Car.Speech.Vad;
using Car.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>
/// The transcript guessed at a pause, on the project's random-weight Whisper model: used when the utterance ends
/// there, redone when it went on, and the complete-request judgement made on the real rules.
/// </summary>
public sealed class SpeculativeRecognitionTests : IDisposable
{
    private static readonly SpeechSegment Heard = new(0, 16_000);
    private readonly IHost _host = CarHost.CreateBuilder([
        new("Asr:ModelPath", TestWhisperModel.Path),
        new("Asr:MaxTokens", "8"),
        new("Llm:Engine", "Rules"),
    ]).Build();

    private ISpeechRecognizer Recognizer => _host.Services.GetRequiredService<ISpeechRecognizer>();

    [Fact]
    public async Task UtteranceEndsAtThePause_TheGuessIsTheTranscript()
    {
        var samples = Tone(1.0);
        var direct = await Recognizer.RecognizeAsync(samples);
        using var speculation = new SpeculativeRecognition(Recognizer, _ => false);

        speculation.Start(Heard, samples, () => { }, CancellationToken.None);
        var (transcript, guessed) = await speculation.TranscriptAsync(Heard, samples, CancellationToken.None);

        Assert.True(guessed);
        Assert.Equal(direct.Text, transcript.Text);
    }

    [Fact]
    public async Task UtteranceWentOnAfterThePause_RecognisedAfresh()
    {
        using var speculation = new SpeculativeRecognition(Recognizer, _ => false);
        speculation.Start(Heard, Tone(1.0), () => { }, CancellationToken.None);

        var longer = new SpeechSegment(0, 24_000);
        var (_, guessed) = await speculation.TranscriptAsync(longer, Tone(1.5), CancellationToken.None);

        Assert.False(guessed);
    }

    [Fact]
    public async Task SpeechResumed_GuessCancelled_NextTranscriptIsNew()
    {
        using var speculation = new SpeculativeRecognition(Recognizer, _ => false);
        speculation.Start(Heard, Tone(1.0), () => { }, CancellationToken.None);
        speculation.Cancel();

        var (_, guessed) = await speculation.TranscriptAsync(Heard, Tone(1.0), CancellationToken.None);

        Assert.False(guessed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CompleteRequest_SaidOnlyWhenTheJudgeAgrees(bool complete)
    {
        var said = new TaskCompletionSource();
        var judged = new TaskCompletionSource<string>();
        using var speculation = new SpeculativeRecognition(Recognizer, heard =>
        {
            judged.TrySetResult(heard.Text);
            return complete;
        });

        speculation.Start(Heard, Tone(1.0), () => said.TrySetResult(), CancellationToken.None);
        var (transcript, _) = await speculation.TranscriptAsync(Heard, Tone(1.0), CancellationToken.None);

        // The judge hears the guess's own transcript (the model's words, whatever random weights make of a tone).
        Assert.Equal(transcript.Text, await judged.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(complete, said.Task.IsCompleted);
    }

    [Theory]
    [InlineData("打开主驾车窗", true)]
    [InlineData("空调调到二十二度", true)]
    [InlineData("再低一点", true)]
    [InlineData("打开", false)]
    [InlineData("我想", false)]
    [InlineData("今天天气不错", false)]
    public void Judge_OnTheRules_CompleteOnlyWhenEveryRequestIsClear(string text, bool complete)
    {
        var judge = _host.Services.GetRequiredService<CompleteRequestJudge>();

        Assert.Equal(complete, judge.IsComplete(text));
        Assert.Equal(complete, judge.IsComplete(new Transcript(text, 0.9, 6, TimeSpan.Zero)));
        Assert.False(judge.IsComplete(new Transcript(text, VoiceTurn.MinConfidence / 2, 6, TimeSpan.Zero)), "heard too unsurely");
    }

    public void Dispose() => _host.Dispose();

    private static float[] Tone(double seconds)
    {
        var samples = new float[(int)(seconds * 16_000)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 220 * i / 16_000));
        }

        return samples;
    }
}
