using Car.Native;
using Car.Speech.Whisper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Car.Speech.Recognition;

/// <summary>
/// Whisper set up for car commands: Chinese, the car vocabulary as prompt, short greedy answers, and the transcript
/// in Simplified characters. The model loads when this is created; a bad file throws <see cref="WhisperException"/>.
/// </summary>
public sealed partial class WhisperSpeechRecognizer : ISpeechRecognizer, IDisposable
{
    private readonly WhisperFactory? _factory;
    private readonly WhisperProcessor? _processor;
    private readonly TraditionalToSimplified _script;

    public WhisperSpeechRecognizer(IOptions<SpeechRecognitionOptions> options, TraditionalToSimplified script, ILogger<WhisperSpeechRecognizer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _script = script;
        var settings = options.Value;
        if (settings.ModelPath is not { } path)
        {
            return;
        }

        OpenMpWaitPolicy.Choose(settings.WaitPolicy, settings.SpinCount);
        _factory = WhisperFactory.FromPath(path);
        try
        {
            _processor = _factory.CreateBuilder().WithLanguage("zh").WithPrompt(settings.Prompt).WithThreads(settings.Threads)
                .WithNice(AllowedNice(settings.Nice, logger ?? NullLogger<WhisperSpeechRecognizer>.Instance))
                .WithMaxTokens(settings.MaxTokens).WithoutTemperatureFallback().Build();
        }
        catch
        {
            _factory.Dispose();
            throw;
        }
    }

    public string? Unavailable => _processor is null ? "no ASR model (--asr-model FILE or Asr:ModelPath)" : null;

    public async Task<Transcript> RecognizeAsync(float[] samples, CancellationToken cancellationToken = default)
    {
        if (_processor is null)
        {
            throw new InvalidOperationException($"Speech cannot be recognised: {Unavailable}.");
        }

        var heard = await _processor.ProcessAsync(samples, cancellationToken).ConfigureAwait(false);
        return heard with { Text = _script.Convert(heard.Text) };
    }

    public void Dispose()
    {
        _processor?.Dispose();
        _factory?.Dispose();
    }

    /// <summary>The nice value passes run at: the configured one, or 0 (with one line in the log) where it is refused.</summary>
    private static int AllowedNice(int nice, ILogger logger)
    {
        if (ThreadNice.Refusal(nice) is not { } refusal)
        {
            return nice;
        }

        Log.NiceRefused(logger, nice, refusal);
        return 0;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Speech recognition runs at the process's priority, not at nice {Nice}: {Refusal}. Under load a spoken request waits longer; Asr:Nice=0 silences this.")]
        public static partial void NiceRefused(ILogger logger, int nice, string refusal);
    }
}
