using System.Runtime.CompilerServices;
using Car.Speech.Capture;
using Car.Speech.Vad;
using Car.Testing;
using Microsoft.Extensions.Options;

namespace Car.Speech.Tests.Capture;

/// <summary>
/// Push-to-talk on live ALSA capture (the file PCM plays two spoken-like bursts): only what is said while the talk
/// key is held is an utterance; releasing it ends the utterance; an utterance the VAD ends releases it. The key is
/// pressed at points of the microphone's own clock, so the test does not depend on how fast ALSA plays the file.
/// </summary>
[Collection(ProcessEnvironmentTests.Name)]
public sealed class PushToTalkTests : IDisposable
{
    private const int Rate = 16_000;
    private readonly string _home = Directory.CreateTempSubdirectory("car-ptt-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task ReadAsync_NeverPressed_NothingIsHeard()
    {
        var button = new PushToTalk();

        var utterances = await ListenAsync(button, (_, _) => { });

        Assert.Empty(utterances);
    }

    [Fact]
    public async Task ReadAsync_PressedBeforeTheSecondBurst_OnlyItIsHeardAndTheVadReleasesTheKey()
    {
        var button = new PushToTalk();

        var utterances = await ListenAsync(button, (seconds, b) =>
        {
            if (seconds >= 2.5 && seconds < 2.6)
            {
                b.Press();
            }
        });

        var (segment, samples) = Assert.Single(utterances);
        Assert.InRange(samples.Length / (double)Rate, 0.5, 1.2);
        Assert.Equal(segment.End - segment.Start, samples.Length);
        Assert.False(button.IsHeld);
    }

    [Fact]
    public async Task ReadAsync_ReleasedMidSentence_TheUtteranceEndsThere()
    {
        var button = new PushToTalk();
        button.Press();

        var utterances = await ListenAsync(button, (seconds, b) =>
        {
            if (seconds >= 1.4 && seconds < 1.5)
            {
                b.Release();
            }
        });

        var (_, samples) = Assert.Single(utterances);
        Assert.InRange(samples.Length / (double)Rate, 0.3, 0.7);
    }

    private async Task<List<(SpeechSegment Segment, float[] Samples)>> ListenAsync(PushToTalk button, Action<double, PushToTalk> atTime)
    {
        var audio = new float[Rate * 5];
        foreach (var (from, to) in new[] { (1.0, 2.0), (3.0, 3.8) })
        {
            var burst = TestAudio.Tone(220, Rate, to - from, 0.3);
            burst.CopyTo(audio, (int)(from * Rate));
        }

        var device = await AlsaFilePcm.ConfigureAsync(_home, audio);
        var previous = Environment.GetEnvironmentVariable("HOME");
        Environment.SetEnvironmentVariable("HOME", _home);
        try
        {
            var capture = new AlsaCapture(Options.Create(new CaptureOptions { Device = device }));
            var live = new LiveUtterances(new SpeechSegmenter(new EnergyVoiceActivityDetector(), new VadOptions()), button);
            var utterances = new List<(SpeechSegment, float[])>();
            await foreach (var utterance in live.ReadAsync(Clocked(capture.CaptureAsync(), audio.Length, button, atTime)))
            {
                utterances.Add(utterance);
            }

            return utterances;
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", previous);
        }
    }

    /// <summary>The microphone until the file's audio has been heard (the file PCM then plays silence forever).</summary>
    private static async IAsyncEnumerable<float[]> Clocked(
        IAsyncEnumerable<float[]> audio, int length, PushToTalk button, Action<double, PushToTalk> atTime,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long heard = 0;
        await foreach (var chunk in audio.WithCancellation(cancellationToken))
        {
            if (heard >= length)
            {
                yield break;
            }

            atTime(heard / (double)Rate, button);
            heard += chunk.Length;
            yield return chunk;
        }
    }
}
