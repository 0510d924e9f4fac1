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

    [Fact]
    public async Task ReadAsync_TenMinutesOfSilence_KeepsOnlyThePreRoll()
    {
        var options = new VadOptions();
        var live = new LiveUtterances(new SpeechSegmenter(new EnergyVoiceActivityDetector(), options));
        var silence = new float[512];
        await foreach (var _ in live.ReadAsync(Repeat(silence, 10 * 60 * 16_000 / 512)))
        {
        }

        var most = live.BufferedSamples;
        Assert.True(most <= options.Padding.TotalSeconds * 16_000 + 512, $"{most} samples held after ten minutes of silence");
    }

    [Fact]
    public async Task ReadAsync_UtteranceAfterLongSilence_StillHasItsPreRoll()
    {
        var audio = new float[16_000 * 62];
        for (var i = 60 * 16_000; i < (int)(60.8 * 16_000); i++)
        {
            audio[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 200 * i / 16_000));
        }

        var options = new VadOptions();
        var live = new LiveUtterances(new SpeechSegmenter(new EnergyVoiceActivityDetector(), options));
        var utterances = new List<(SpeechSegment Segment, float[] Samples)>();
        await foreach (var utterance in live.ReadAsync(Chunks(audio, 512)))
        {
            utterances.Add(utterance);
        }

        var (segment, samples) = Assert.Single(utterances);
        Assert.Equal(segment.End - segment.Start, samples.Length);
        Assert.True(segment.Start < 60 * 16_000, "the padding before the speech is kept");
        Assert.Equal(audio[(int)segment.Start + 3000], samples[3000]);
    }

    private static async IAsyncEnumerable<float[]> Repeat(float[] chunk, int times)
    {
        for (var i = 0; i < times; i++)
        {
            if (i % 1000 == 0)
            {
                await Task.Yield();
            }

            yield return chunk;
        }
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
