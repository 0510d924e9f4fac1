using Car.Speech.Capture;
using Car.Speech.Vad;

namespace Car.Speech.Tests.Vad;

/// <summary>
/// The pauses inside an utterance, as the speculative recogniser sees them: the audio so far at a pause, speech that
/// resumes, and an utterance ended early because what was heard is already a complete request.
/// </summary>
public class LiveUtterancesPauseTests
{
    private const int Rate = 16_000;
    private static readonly TimeSpan PauseAfter = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ShortPauseInsideASentence_ReportedAndResumed_StillOneUtterance()
    {
        // 0.8 s of speech, a 300 ms pause (shorter than the 400 ms end of speech), 0.6 s more, then silence.
        var audio = Speech(4.0, (1.0, 1.8), (2.1, 2.7));

        var heard = await ListenAsync(new LiveUtterances(Segmenter()), audio);

        Assert.Equal([HeardAudioKind.Paused, HeardAudioKind.Resumed, HeardAudioKind.Paused, HeardAudioKind.Closed], heard.Select(h => h.Kind));
        var closed = heard[^1];
        Assert.True(closed.Segment!.End > 2.7 * Rate, "the utterance runs past the pause");
        Assert.True(heard[0].Segment!.End < 2.0 * Rate, "the first pause held only the first part");
    }

    [Fact]
    public async Task PauseThatBecomesTheEnd_ClosedUtteranceIsExactlyWhatThePauseHeld()
    {
        var audio = Speech(3.0, (1.0, 1.8));

        var heard = await ListenAsync(new LiveUtterances(Segmenter()), audio);

        Assert.Equal([HeardAudioKind.Paused, HeardAudioKind.Closed], heard.Select(h => h.Kind));
        Assert.Equal(heard[0].Segment, heard[1].Segment);
        Assert.Equal(heard[0].Samples, heard[1].Samples);
    }

    [Fact]
    public async Task PauseShorterThanThePadding_PaddingGrowingIsNotSpeech_TheGuessedPartCloses()
    {
        // A guess at 64 ms of silence, before the 100 ms of padding after the speech have been heard.
        var audio = Speech(3.0, (1.0, 1.8));
        var heard = new List<HeardAudio>();
        await foreach (var h in new LiveUtterances(Segmenter()).ListenAsync(Chunks(audio, 512), TimeSpan.FromMilliseconds(64)))
        {
            heard.Add(h);
        }

        Assert.Equal([HeardAudioKind.Paused, HeardAudioKind.Closed], heard.Select(h => h.Kind));
        Assert.Equal(heard[0].Segment, heard[1].Segment);
        Assert.Equal(heard[0].Samples, heard[1].Samples);
        Assert.True(heard[1].Segment!.End >= 1.8 * Rate, "all of the speech is in it");
    }

    [Fact]
    public async Task PauseShorterThanThePadding_ThenMoreSpeech_ResumedAndTheWholeUtteranceCloses()
    {
        var audio = Speech(4.0, (1.0, 1.8), (2.1, 2.7));
        var heard = new List<HeardAudio>();
        await foreach (var h in new LiveUtterances(Segmenter()).ListenAsync(Chunks(audio, 512), TimeSpan.FromMilliseconds(64)))
        {
            heard.Add(h);
        }

        Assert.Equal([HeardAudioKind.Paused, HeardAudioKind.Resumed, HeardAudioKind.Paused, HeardAudioKind.Closed], heard.Select(h => h.Kind));
        Assert.True(heard[^1].Segment!.End >= 2.7 * Rate, "the utterance runs past the pause");
    }

    [Fact]
    public async Task VoiceStopsButTheDetectorTrails_TheGuessStartsEarlierAndStillHoldsAllOfIt()
    {
        // Loud speech to 1.8 s, then 70 ms that the detector still calls speech at −22 dB (as Silero trails the voice).
        var audio = Speech(3.0, (1.0, 1.8, Loud), (1.8, 1.87, Whisper));

        var byLevel = await PausesAsync(audio, pauseLevel: 20);
        var byDetector = await PausesAsync(audio, pauseLevel: 0);

        Assert.Equal([HeardAudioKind.Paused, HeardAudioKind.Closed], byLevel.Select(h => h.Kind));
        Assert.Equal(byLevel[0].Segment, byLevel[1].Segment);
        Assert.True(byLevel[1].Segment!.End >= 1.87 * Rate, "the quiet end is in what was guessed");
        Assert.True(byLevel[0].Segment!.End < byDetector[0].Segment!.End, "the pause is reported before the detector's speech ends");
    }

    [Fact]
    public async Task QuietSpeechGoesOnAfterTheGuess_TheClosedUtteranceHoldsItAllAndIsNotTheGuessedPart()
    {
        // The driver trails off for 0.3 s at −22 dB: the guess starts on the drop, but none of the quiet speech is lost.
        var audio = Speech(4.0, (1.0, 1.8, Loud), (1.8, 2.1, Whisper));

        var heard = await PausesAsync(audio, pauseLevel: 20);

        Assert.Equal([HeardAudioKind.Paused, HeardAudioKind.Closed], heard.Select(h => h.Kind));
        Assert.True(heard[0].Segment!.End < 2.0 * Rate, "the guess starts on the drop");
        Assert.NotEqual(heard[0].Segment, heard[1].Segment);
        Assert.True(heard[1].Segment!.End >= 2.1 * Rate, "the quiet speech is in the utterance");
    }

    [Fact]
    public async Task CompleteRequestAtThePause_EndsAtTheShorterSilence()
    {
        var audio = Speech(3.0, (1.0, 1.8));
        var normal = await ClosedAtAsync(audio, endEarly: false);

        var early = await ClosedAtAsync(audio, endEarly: true);

        // Speech ends at 1.8 s: the usual end comes after 400 ms of silence, the early one after 200 ms.
        Assert.InRange(normal, 2.2, 2.4);
        Assert.InRange(early, 2.0, 2.15);
    }

    [Fact]
    public async Task EarlyEndAskedForAnEarlierPause_IgnoredOnceSpeechResumed()
    {
        var audio = Speech(4.0, (1.0, 1.8), (2.1, 2.7));
        var live = new LiveUtterances(Segmenter());
        SpeechSegment? first = null;
        var closes = 0;
        await foreach (var h in live.ListenAsync(Chunks(audio, 512), PauseAfter))
        {
            if (h.Kind == HeardAudioKind.Paused && first is null)
            {
                first = h.Segment;
            }
            else if (h.Kind == HeardAudioKind.Resumed)
            {
                // A guess about the first part that comes back late, after the driver went on talking.
                live.EndAfterSilence(first!, TimeSpan.FromMilliseconds(100));
            }
            else if (h.Kind == HeardAudioKind.Closed)
            {
                closes++;
                Assert.True(h.Segment!.End > 2.7 * Rate, "not cut at the first part");
            }
        }

        Assert.Equal(1, closes);
    }

    [Theory]
    [InlineData(0.3, true)]
    [InlineData(0.7, false)]
    public async Task EarlyEndThenMoreSpeech_ContinuesOnlyWhenTheFixedTailWouldNotHaveEnded(double pause, bool continues)
    {
        // A complete request ended early at 200 ms of silence; the driver goes on after the pause.
        var audio = Speech(5.0, (1.0, 1.8), (1.8 + pause, 2.6 + pause));
        var live = new LiveUtterances(Segmenter());
        var closed = await ClosedAfterAnEarlyEndAsync(live, audio);

        Assert.Equal(2, closed.Count);
        Assert.False(closed[0].Continues);
        Assert.Equal(continues, closed[1].Continues);
    }

    [Theory]
    [InlineData(0.3, 2)]
    [InlineData(0.7, 1)]
    public async Task PushToTalkEarlyEnd_TheButtonStaysDownForTheFixedTail_MoreSpeechWithinItContinues(double pause, int utterances)
    {
        var audio = Speech(5.0, (1.0, 1.8), (1.8 + pause, 2.6 + pause));
        var button = new PushToTalk();
        button.Press();
        var live = new LiveUtterances(Segmenter(), button);
        var closed = await ClosedAfterAnEarlyEndAsync(live, audio);

        Assert.Equal(utterances, closed.Count);
        Assert.Equal(utterances == 2, closed[^1].Continues);
        Assert.False(button.IsHeld);
    }

    [Fact]
    public async Task NoPauseWanted_OnlyClosedUtterances()
    {
        var audio = Speech(4.0, (1.0, 1.8), (2.1, 2.7));
        var heard = new List<HeardAudio>();
        await foreach (var h in new LiveUtterances(Segmenter()).ListenAsync(Chunks(audio, 512), TimeSpan.Zero))
        {
            heard.Add(h);
        }

        Assert.Equal(HeardAudioKind.Closed, Assert.Single(heard).Kind);
    }

    [Fact]
    public async Task EarlyEndAskedBetweenChunks_SilenceAlreadyEnough_ClosesWithoutWaitingForMoreAudio()
    {
        // 0.8 s of speech and 300 ms of silence so far; the microphone has delivered nothing more when the guess
        // (a complete request) asks to end at 200 ms of silence.
        var microphone = System.Threading.Channels.Channel.CreateUnbounded<float[]>();
        var audio = Speech(2.1, (1.0, 1.8));
        for (var i = 0; i < audio.Length; i += 512)
        {
            microphone.Writer.TryWrite(audio[i..Math.Min(i + 512, audio.Length)]);
        }

        var live = new LiveUtterances(Segmenter());
        var reports = live.ListenAsync(microphone.Reader.ReadAllAsync(), PauseAfter).GetAsyncEnumerator();
        try
        {
            Assert.True(await reports.MoveNextAsync());
            var paused = reports.Current;
            Assert.Equal(HeardAudioKind.Paused, paused.Kind);
            var asking = Task.Run(async () =>
            {
                await Task.Delay(100); // the listener has read all there is and waits for the microphone
                live.EndAfterSilence(paused.Segment!, TimeSpan.FromMilliseconds(200));
            });

            var closedInTime = await reports.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            await asking;

            Assert.True(closedInTime);
            Assert.Equal(HeardAudioKind.Closed, reports.Current.Kind);
            Assert.Equal(paused.Segment, reports.Current.Segment);
        }
        finally
        {
            microphone.Writer.Complete();
            await reports.DisposeAsync();
        }
    }

    private static async Task<double> ClosedAtAsync(float[] audio, bool endEarly)
    {
        var live = new LiveUtterances(Segmenter());
        var read = 0L;
        await foreach (var h in live.ListenAsync(Counting(audio, 512, n => read = n), PauseAfter))
        {
            if (h.Kind == HeardAudioKind.Paused && endEarly)
            {
                live.EndAfterSilence(h.Segment!, TimeSpan.FromMilliseconds(200));
            }
            else if (h.Kind == HeardAudioKind.Closed)
            {
                return read / (double)Rate;
            }
        }

        throw new InvalidOperationException("no utterance closed");
    }

    private static SpeechSegmenter Segmenter(double pauseLevel = 20) =>
        new(new EnergyVoiceActivityDetector(), new VadOptions { PauseLevel = pauseLevel });

    private static async Task<List<HeardAudio>> PausesAsync(float[] audio, double pauseLevel)
    {
        var heard = new List<HeardAudio>();
        await foreach (var h in new LiveUtterances(Segmenter(pauseLevel)).ListenAsync(Chunks(audio, 512), TimeSpan.FromMilliseconds(64)))
        {
            heard.Add(h);
        }

        return heard;
    }

    private static async Task<List<HeardAudio>> ListenAsync(LiveUtterances live, float[] audio)
    {
        var heard = new List<HeardAudio>();
        await foreach (var h in live.ListenAsync(Chunks(audio, 512), PauseAfter))
        {
            heard.Add(h);
        }

        return heard;
    }

    private const double Loud = 0.3;

    /// <summary>22 dB below <see cref="Loud"/>, yet well above the silence around it: speech to the energy detector for 0.4 s after loud speech.</summary>
    private const double Whisper = 0.024;

    private static float[] Speech(double seconds, params (double From, double To)[] spans) =>
        Speech(seconds, [.. spans.Select(s => (s.From, s.To, Loud))]);

    private static float[] Speech(double seconds, params (double From, double To, double Amplitude)[] spans)
    {
        var audio = new float[(int)(seconds * Rate)];
        foreach (var (from, to, amplitude) in spans)
        {
            for (var i = (int)(from * Rate); i < (int)(to * Rate); i++)
            {
                audio[i] = (float)(amplitude * Math.Sin(2 * Math.PI * 200 * i / Rate));
            }
        }

        return audio;
    }

    private static IAsyncEnumerable<float[]> Chunks(float[] audio, int size) => Counting(audio, size, _ => { });

    private static async IAsyncEnumerable<float[]> Counting(float[] audio, int size, Action<long> read)
    {
        for (var i = 0; i < audio.Length; i += size)
        {
            await Task.Yield();
            var end = Math.Min(i + size, audio.Length);
            read(end);
            yield return audio[i..end];
        }
    }

    /// <summary>Listens to <paramref name="audio"/>, ending the first utterance at 200 ms of silence (a complete request), and returns the closed utterances.</summary>
    private static async Task<List<HeardAudio>> ClosedAfterAnEarlyEndAsync(LiveUtterances live, float[] audio)
    {
        var closed = new List<HeardAudio>();
        await foreach (var h in live.ListenAsync(Chunks(audio, 512), PauseAfter))
        {
            if (h.Kind == HeardAudioKind.Paused && closed.Count == 0)
            {
                live.EndAfterSilence(h.Segment!, TimeSpan.FromMilliseconds(200));
            }
            else if (h.Kind == HeardAudioKind.Closed)
            {
                closed.Add(h);
            }
        }

        return closed;
    }
}
