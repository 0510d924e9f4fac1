using Car.Speech.Vad;

namespace Car.Speech.Tests.Vad;

public class LiveUtterancesTests
{
    [Fact]
    public async Task ReadAsync_ChunkedStream_GivesEachUtteranceWithItsOwnSamples()
    {
        var audio = new float[16_000 * 5];
        foreach (var (from, to) in new[] { (1.0, 1.8), (3.0, 3.6) })
        {
            for (var i = (int)(from * 16_000); i < (int)(to * 16_000); i++)
            {
                audio[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 200 * i / 16_000));
            }
        }

        var utterances = new List<(SpeechSegment Segment, float[] Samples)>();
        var segmenter = new SpeechSegmenter(new EnergyVoiceActivityDetector(), new VadOptions());
        await foreach (var utterance in LiveUtterances.ReadAsync(Chunks(audio, 700), segmenter))
        {
            utterances.Add(utterance);
        }

        Assert.Equal(2, utterances.Count);
        Assert.All(utterances, u => Assert.Equal(u.Segment.End - u.Segment.Start, u.Samples.Length));
        Assert.Equal(audio[(int)utterances[1].Segment.Start + 1000], utterances[1].Samples[1000]);
    }

    private static async IAsyncEnumerable<float[]> Chunks(float[] audio, int size)
    {
        for (var i = 0; i < audio.Length; i += size)
        {
            await Task.Yield();
            yield return audio[i..Math.Min(i + size, audio.Length)];
        }
    }
}
