using Car.Speech.Audio;

namespace Car.Speech.Vad;

/// <summary>
/// Turns frame probabilities into utterances, streaming: speech starts at the first frame over the threshold,
/// ends after <see cref="VadOptions.MinSilence"/> below threshold − 0.15 (hysteresis), is padded on both sides,
/// dropped when shorter than <see cref="VadOptions.MinSpeech"/> and cut at <see cref="VadOptions.MaxUtterance"/>.
/// </summary>
public sealed class SpeechSegmenter
{
    private readonly IVoiceActivityDetector _detector;
    private readonly VadOptions _options;
    private readonly float[] _pending;
    private int _pendingCount;
    private long _position;
    private long? _speechStart;
    private long _lastSpeechEnd;
    private bool _lastFrameQuiet;
    private long _lastVoicedEnd;
    private bool _lastFrameVoiced;
    private double _voicedLevelSum;
    private int _voicedFrames;

    public SpeechSegmenter(IVoiceActivityDetector detector, VadOptions options)
    {
        _detector = detector;
        _options = options;
        _pending = new float[detector.FrameSamples];
    }

    /// <summary>
    /// The first sample of the stream that a future utterance can still include: the padded start of the one now
    /// open, or, while silent, the pre-roll before the frames not yet decided. Audio before it can be forgotten.
    /// </summary>
    public long KeepFrom => Math.Max(0, (_speechStart ?? _position) - Samples(_options.Padding));

    /// <summary>Whether an utterance is open (speech heard and its end not yet declared).</summary>
    public bool InSpeech => _speechStart is not null;

    /// <summary>The settings it cuts by.</summary>
    public VadOptions Options => _options;

    /// <summary>
    /// Samples of silence since the last speech frame of the open utterance, counted only while the latest frame is
    /// quiet (below the threshold − 0.15); 0 when no utterance is open.
    /// </summary>
    public long SilenceSamples => _speechStart is not null && _lastFrameQuiet ? _position - _lastSpeechEnd : 0;

    /// <summary>
    /// Samples since the last voiced frame of the open utterance while the latest frame is not voiced; 0 when no
    /// utterance is open. A voiced frame is a speech frame no more than <see cref="VadOptions.PauseLevel"/> below the
    /// mean level of the utterance's voiced frames so far (the first speech frame is voiced): Silero's probability
    /// trails the voice by about 75 ms, the level does not. A pause for a guess, which costs nothing to abandon, need
    /// not wait for that, nor for the hysteresis that <see cref="SilenceSamples"/> waits for to end an utterance.
    /// </summary>
    public long PauseSamples => _speechStart is not null && !_lastFrameVoiced ? _position - _lastVoicedEnd : 0;

    /// <summary>Where the last voiced frame of the open utterance ends, or null when none is open: it moves when the speaker goes on.</summary>
    public long? VoicedEnd => _speechStart is null ? null : _lastVoicedEnd;

    /// <summary>
    /// Where the last speech frame heard ends, in the open utterance or the one that closed last: an utterance's speech
    /// ends there, however quiet its last frames were.
    /// </summary>
    public long LastSpeechEnd => _lastSpeechEnd;

    /// <summary>The open utterance as it would be if its end were declared now, or null (none open, or too short).</summary>
    public SpeechSegment? Tentative => _speechStart is { } start ? Close(start, _lastSpeechEnd) : null;

    /// <summary>Feeds audio; returns the utterances that ended within it.</summary>
    public IReadOnlyList<SpeechSegment> Push(ReadOnlySpan<float> samples)
    {
        var ended = new List<SpeechSegment>();
        while (samples.Length > 0)
        {
            var take = Math.Min(samples.Length, _pending.Length - _pendingCount);
            samples[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            samples = samples[take..];
            if (_pendingCount == _pending.Length)
            {
                Frame(ended);
                _pendingCount = 0;
            }
        }

        return ended;
    }

    /// <summary>
    /// Declares the end of the open utterance now, its speech ending at the last speech frame (the end of the stream,
    /// or a listener that knows the request is complete); null when none is open or it is too short.
    /// </summary>
    public SpeechSegment? Flush()
    {
        if (_speechStart is not { } start)
        {
            return null;
        }

        _speechStart = null;
        return Close(start, _lastSpeechEnd);
    }

    private void Frame(List<SpeechSegment> ended)
    {
        var probability = _detector.SpeechProbability(_pending);
        var frameStart = _position;
        _position += _pending.Length;
        _lastFrameQuiet = probability < _options.Threshold - 0.15;
        _lastFrameVoiced = false;
        if (probability >= _options.Threshold)
        {
            if (_speechStart is null)
            {
                _speechStart = frameStart;
                _voicedLevelSum = 0;
                _voicedFrames = 0;
            }

            _lastSpeechEnd = _position;
            var level = Decibels(_pending);
            _lastFrameVoiced = _options.PauseLevel <= 0 || _voicedFrames == 0 || level >= (_voicedLevelSum / _voicedFrames) - _options.PauseLevel;
            if (_lastFrameVoiced)
            {
                _lastVoicedEnd = _position;
                _voicedLevelSum += level;
                _voicedFrames++;
            }
        }

        if (_speechStart is not { } start)
        {
            return;
        }

        var silence = Samples(_options.MinSilence);
        var tooLong = _position - start >= Samples(_options.MaxUtterance);
        var quietLongEnough = _lastFrameQuiet && _position - _lastSpeechEnd >= silence;
        if (tooLong || quietLongEnough)
        {
            _speechStart = null;
            if (Close(start, tooLong ? _position : _lastSpeechEnd) is { } segment)
            {
                ended.Add(segment);
            }
        }
    }

    private SpeechSegment? Close(long start, long end)
    {
        if (end - start < Samples(_options.MinSpeech))
        {
            return null;
        }

        var padding = Samples(_options.Padding);
        return new SpeechSegment(Math.Max(0, start - padding), Math.Min(_position, end + padding));
    }

    /// <summary>The frame's power in decibels relative to full scale (a silent frame: −100).</summary>
    private static double Decibels(ReadOnlySpan<float> frame)
    {
        var power = 0.0;
        foreach (var sample in frame)
        {
            power += sample * sample;
        }

        return 10 * Math.Log10((power / frame.Length) + 1e-10);
    }

    private static long Samples(TimeSpan time) => (long)(time.TotalSeconds * AudioClip.SpeechRate);
}
