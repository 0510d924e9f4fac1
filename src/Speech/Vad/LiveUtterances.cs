using System.Runtime.CompilerServices;

namespace Car.Speech.Vad;

/// <summary>
/// Cuts a live audio stream into utterances: chunks go through the segmenter, and each utterance that closes comes
/// out with its samples. Audio before a closed utterance is forgotten, so memory stays bounded however long it runs.
/// </summary>
public static class LiveUtterances
{
    public static async IAsyncEnumerable<(SpeechSegment Segment, float[] Samples)> ReadAsync(
        IAsyncEnumerable<float[]> audio, SpeechSegmenter segmenter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentNullException.ThrowIfNull(segmenter);
        var heard = new List<float>();
        long forgotten = 0;
        await foreach (var chunk in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            heard.AddRange(chunk);
            foreach (var segment in segmenter.Push(chunk))
            {
                yield return (segment, Slice(heard, forgotten, segment));
                var end = (int)Math.Clamp(segment.End - forgotten, 0, heard.Count);
                heard.RemoveRange(0, end);
                forgotten += end;
            }
        }

        if (segmenter.Flush() is { } last)
        {
            yield return (last, Slice(heard, forgotten, last));
        }
    }

    private static float[] Slice(List<float> heard, long forgotten, SpeechSegment segment)
    {
        var start = (int)Math.Clamp(segment.Start - forgotten, 0, heard.Count);
        var end = (int)Math.Clamp(segment.End - forgotten, start, heard.Count);
        return heard.GetRange(start, end - start).ToArray();
    }
}
