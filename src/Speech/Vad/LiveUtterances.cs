using System.Runtime.CompilerServices;
using Car.Speech.Capture;

namespace Car.Speech.Vad;

/// <summary>
/// Cuts a live audio stream into utterances: chunks go through the segmenter, and each utterance that closes comes
/// out with its samples. Only what the segmenter may still need is kept (the open utterance, or the pre-roll while
/// silent), so memory stays bounded however long it runs and however long the silence. With a talk button, audio
/// counts only while it is held: releasing it ends the utterance, and an utterance the VAD ends releases it.
/// </summary>
public sealed class LiveUtterances(SpeechSegmenter segmenter, PushToTalk? button = null)
{
    private readonly List<float> _heard = [];
    private long _forgotten;

    /// <summary>How many samples are held now: the pre-roll while silent, the open utterance while speaking.</summary>
    public int BufferedSamples => _heard.Count;

    /// <summary>Reads <paramref name="audio"/> through a new <see cref="LiveUtterances"/> on <paramref name="segmenter"/>.</summary>
    public static IAsyncEnumerable<(SpeechSegment Segment, float[] Samples)> ReadAsync(
        IAsyncEnumerable<float[]> audio, SpeechSegmenter segmenter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        return new LiveUtterances(segmenter).ReadAsync(audio, cancellationToken);
    }

    public async IAsyncEnumerable<(SpeechSegment Segment, float[] Samples)> ReadAsync(
        IAsyncEnumerable<float[]> audio, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audio);
        await foreach (var chunk in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (button is { IsHeld: false })
            {
                // Released: what was said while it was held is one utterance; the rest of the audio is not heard.
                if (segmenter.Flush() is { } released)
                {
                    yield return (released, Slice(released));
                }

                Forget(long.MaxValue);
                continue;
            }

            _heard.AddRange(chunk);
            foreach (var segment in segmenter.Push(chunk))
            {
                yield return (segment, Slice(segment));
                Forget(segment.End);
                button?.Release();
            }

            Forget(segmenter.KeepFrom);
        }

        if (segmenter.Flush() is { } last)
        {
            yield return (last, Slice(last));
        }
    }

    private void Forget(long upTo)
    {
        var drop = (int)Math.Clamp(upTo - _forgotten, 0, _heard.Count);
        _heard.RemoveRange(0, drop);
        _forgotten += drop;
    }

    private float[] Slice(SpeechSegment segment)
    {
        var start = (int)Math.Clamp(segment.Start - _forgotten, 0, _heard.Count);
        var end = (int)Math.Clamp(segment.End - _forgotten, start, _heard.Count);
        return _heard.GetRange(start, end - start).ToArray();
    }
}
