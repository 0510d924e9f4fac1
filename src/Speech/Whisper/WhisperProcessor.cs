using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Car.Native;
using Car.Speech.Whisper.Interop;

namespace Car.Speech.Whisper;

/// <summary>
/// Transcribes 16 kHz mono audio with whisper.cpp: greedy, no timestamps, one segment, the car vocabulary as the
/// prompt, and the encoder's audio context scaled to the utterance (a 3 s command does not pay for 30 s). The
/// confidence is the mean probability of the text tokens. Runs on the model's pass thread; cancelling aborts the work, and
/// so does disposing the processor or its factory, which then wait for it before freeing what it uses.
/// </summary>
public sealed partial class WhisperProcessor : IDisposable
{
    private const int SamplesPerAudioFrame = 320;
    private const int FullAudioContext = 1500;

    private readonly WhisperFactory _factory;
    private readonly IntPtr _language;
    private readonly IntPtr _prompt;
    private readonly int _threads;
    private readonly int _maxTokens;
    private readonly bool _temperatureFallback;
    private readonly bool _scaleAudioContext;
    private readonly int _nice;
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    private readonly NativeAbortFlag _abort = new();
    private readonly NativeWorkGate _gate = new(nameof(WhisperProcessor));

    internal WhisperProcessor(
        WhisperFactory factory, string language, string? prompt, int threads, int maxTokens, bool temperatureFallback, bool scaleAudioContext, int nice)
    {
        _factory = factory;
        _language = Marshal.StringToCoTaskMemUTF8(language);
        _prompt = prompt is null ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(prompt);
        _threads = threads;
        _maxTokens = maxTokens;
        _temperatureFallback = temperatureFallback;
        _scaleAudioContext = scaleAudioContext;
        _nice = nice;
    }

    /// <summary>The encoder frames used for an utterance of this many samples (64 frames of margin, at most 1500).</summary>
    public static int AudioContextFor(int samples) => Math.Min(FullAudioContext, (samples / SamplesPerAudioFrame) + 64);

    public async Task<Transcript> ProcessAsync(float[] samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ObjectDisposedException.ThrowIf(_gate.IsClosed, this);
        return await _factory.Passes.RunAsync(() => Run(samples, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_gate.IsClosed)
        {
            return;
        }

        if (!_gate.Close(DisposeWait))
        {
            // whisper.cpp still reads the language, the prompt and the abort flag: leave them allocated.
            return;
        }

        Marshal.FreeCoTaskMem(_language);
        if (_prompt != IntPtr.Zero)
        {
            Marshal.FreeCoTaskMem(_prompt);
        }

        _abort.Dispose();
    }

    private unsafe Transcript Run(float[] samples, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // The model's pass thread takes the value for the pass and goes back to its own after it; the OpenMP workers it
        // starts in its first pass inherit the value and keep it, asleep between passes. A refusal leaves the
        // process's priority, as the recognizer has already said.
        using var priority = ThreadNiceScope.Enter(_nice);

        var parameters = WhisperNative.FullDefaultParams(WhisperNative.SamplingGreedy);
        parameters.NThreads = _threads;
        parameters.Language = _language;
        parameters.InitialPrompt = _prompt;
        parameters.NoTimestamps = 1;
        parameters.SingleSegment = 1;
        parameters.NoContext = 1;
        parameters.PrintProgress = 0;
        parameters.PrintRealtime = 0;
        parameters.PrintTimestamps = 0;
        parameters.PrintSpecial = 0;
        parameters.MaxTokens = _maxTokens;
        parameters.AudioCtx = _scaleAudioContext ? AudioContextFor(samples.Length) : 0;
        if (!_temperatureFallback)
        {
            parameters.TemperatureInc = 0;
        }

        using var factoryPass = _factory.Gate.Enter(_abort);
        using var pass = _gate.Enter(_abort);
        parameters.AbortCallback = (IntPtr)NativeAbortFlag.Callback;
        parameters.AbortCallbackUserData = _abort.Handle;
        using var registration = cancellationToken.Register(() => _abort.Set());
        int result;
        fixed (float* pointer = samples)
        {
            result = WhisperNative.Full(_factory.Context, parameters, pointer, samples.Length);
        }

        var cancelled = _abort.IsSet;
        _abort.Clear();
        ObjectDisposedException.ThrowIf(_gate.IsClosed || _factory.Gate.IsClosed, this);
        if (cancelled)
        {
            throw new OperationCanceledException("The transcription was cancelled.", cancellationToken);
        }

        if (result != 0)
        {
            throw new WhisperException($"whisper_full failed ({result}).");
        }

        return Collect(clock.Elapsed);
    }

    private Transcript Collect(TimeSpan elapsed)
    {
        var context = _factory.Context;
        var text = new StringBuilder();
        var endOfText = WhisperNative.TokenEot(context);
        double probability = 0;
        var tokens = 0;
        for (var segment = 0; segment < WhisperNative.FullNSegments(context); segment++)
        {
            text.Append(Marshal.PtrToStringUTF8(WhisperNative.FullGetSegmentText(context, segment)));
            for (var token = 0; token < WhisperNative.FullNTokens(context, segment); token++)
            {
                if (WhisperNative.FullGetTokenId(context, segment, token) < endOfText)
                {
                    probability += WhisperNative.FullGetTokenP(context, segment, token);
                    tokens++;
                }
            }
        }

        return new Transcript(SpecialTokens().Replace(text.ToString(), string.Empty).Trim(), tokens == 0 ? 0 : probability / tokens, tokens, elapsed);
    }

    /// <summary>
    /// Token names that are not words (&lt;|endoftext|&gt;, [_BEG_], a test model's &lt;unused_10721&gt;): a transcript never
    /// shows them, so a model that emits them transcribes nothing rather than noise.
    /// </summary>
    [GeneratedRegex(@"<\|[^|<>]*\|>|<unused_\d+>|\[_[A-Z]+_?\d*\]")]
    private static partial Regex SpecialTokens();
}
