using Car.Speech.Vad;

namespace Car.Speech.Tests.Vad;

public class SpeechSegmenterTests
{
    private const int Rate = 16_000;

    [Fact]
    public void Push_VoicedBurstsInNoise_FoundWithin200MillisecondsAtEachEdge()
    {
        var random = new Random(7);
        var audio = Enumerable.Range(0, Rate * 6).Select(_ => (float)((random.NextDouble() - 0.5) * 0.004)).ToArray();
        var bursts = new[] { (1.0, 2.2), (3.5, 4.3) };
        foreach (var (start, end) in bursts)
        {
            for (var i = (int)(start * Rate); i < (int)(end * Rate); i++)
            {
                audio[i] += (float)(0.3 * Math.Sin(2 * Math.PI * 220 * i / Rate) * (0.6 + (0.4 * Math.Sin(2 * Math.PI * 4 * i / Rate))));
            }
        }

        var segments = Segment(audio, new VadOptions());

        Assert.Equal(bursts.Length, segments.Count);
        for (var k = 0; k < bursts.Length; k++)
        {
            Assert.InRange(segments[k].StartTime.TotalSeconds, bursts[k].Item1 - 0.2, bursts[k].Item1 + 0.2);
            Assert.InRange(segments[k].EndTime.TotalSeconds, bursts[k].Item2 - 0.2, bursts[k].Item2 + 0.2);
        }
    }

    [Fact]
    public void Push_Silence_FindsNothing()
    {
        Assert.Empty(Segment(new float[Rate * 3], new VadOptions()));
    }

    [Fact]
    public void Push_ClickShorterThanMinimumSpeech_Dropped()
    {
        var audio = new float[Rate * 2];
        for (var i = Rate; i < Rate + 800; i++)
        {
            audio[i] = 0.5f * (i % 2 == 0 ? 1 : -1);
        }

        Assert.Empty(Segment(audio, new VadOptions()));
    }

    [Fact]
    public void Push_TalkingPastTheMaximum_CutIntoPieces()
    {
        // Half a second of silence, then talking without a pause.
        var audio = Enumerable.Range(0, Rate * 5).Select(i => i < Rate / 2 ? 0f : (float)(0.3 * Math.Sin(2 * Math.PI * 200 * i / Rate))).ToArray();

        var segments = Segment(audio, new VadOptions { MaxUtterance = TimeSpan.FromSeconds(2) });

        Assert.True(segments.Count >= 2);
        Assert.All(segments, s => Assert.True(s.Duration <= TimeSpan.FromSeconds(2.4)));
    }

    [Fact]
    public void Push_InSmallChunks_SameAsAllAtOnce()
    {
        var audio = Enumerable.Range(0, Rate * 3).Select(i => i is > Rate and < 2 * Rate ? (float)(0.3 * Math.Sin(i * 0.1)) : 0f).ToArray();
        var whole = Segment(audio, new VadOptions());
        var segmenter = new SpeechSegmenter(new EnergyVoiceActivityDetector(), new VadOptions());
        var chunked = new List<SpeechSegment>();
        for (var i = 0; i < audio.Length; i += 333)
        {
            chunked.AddRange(segmenter.Push(audio.AsSpan(i, Math.Min(333, audio.Length - i))));
        }

        if (segmenter.Flush() is { } last)
        {
            chunked.Add(last);
        }

        Assert.Equal(whole, chunked);
    }

    internal static List<SpeechSegment> Segment(float[] audio, VadOptions options)
    {
        var segmenter = new SpeechSegmenter(new EnergyVoiceActivityDetector(), options);
        var segments = segmenter.Push(audio).ToList();
        if (segmenter.Flush() is { } last)
        {
            segments.Add(last);
        }

        return segments;
    }
}
