using Car.Ota.Bundles;
using Car.Ota.Health;
using Car.Ota.Store;
using Car.Speech;
using Car.Speech.Recognition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// The <see cref="ISpeechRecognizer"/> that follows the active bundle without a restart, as the parser does: a new
/// bundle's Whisper model loads off the request path and is swapped in; a recognition in flight finishes on the model
/// it started with, which is released when the last one ends. <c>--asr-model</c> (<c>Asr:ModelPath</c>) pins the model.
/// </summary>
public sealed partial class ReloadableSpeechRecognizer : ISpeechRecognizer, IDisposable
{
    private readonly IActiveBundle _active;
    private readonly IConfiguration _configuration;
    private readonly TraditionalToSimplified _script;
    private readonly ILogger _logger;
    private readonly ILogger<WhisperSpeechRecognizer> _recognizerLogger;
    private readonly ModelSwap<ISpeechRecognizer> _models;
    private readonly SemaphoreSlim _swapping = new(1, 1);
    private string? _modelPath;

    public ReloadableSpeechRecognizer(
        IActiveBundle active, IConfiguration configuration, IOptions<SpeechRecognitionOptions> options, TraditionalToSimplified script,
        ILogger<ReloadableSpeechRecognizer> logger, ILogger<WhisperSpeechRecognizer> recognizerLogger)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(options);
        _active = active;
        _configuration = configuration;
        _script = script;
        _logger = logger;
        _recognizerLogger = recognizerLogger;
        // The model of the bundle active at start; a bad file throws on first use, as it always did.
        _modelPath = options.Value.ModelPath;
        _models = new ModelSwap<ISpeechRecognizer>(() =>
        {
            var recognizer = new WhisperSpeechRecognizer(options, script, recognizerLogger);
            return new ModelGeneration<ISpeechRecognizer>(recognizer, active.Current.Version, recognizer);
        });
        _active.Changed += OnChanged;
    }

    public string? Unavailable => _models.Use(recognizer => recognizer.Unavailable);

    /// <summary>The Whisper model file new utterances are recognised with (null: none).</summary>
    public string? ModelPath => Volatile.Read(ref _modelPath);

    /// <summary>Completes when the latest swap has finished.</summary>
    public Task? PendingSwap { get; private set; }

    public async Task<Transcript> RecognizeAsync(float[] samples, CancellationToken cancellationToken = default)
    {
        var generation = _models.Acquire();
        try
        {
            return await generation.Model.RecognizeAsync(samples, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            generation.Release();
        }
    }

    public void Dispose()
    {
        _active.Changed -= OnChanged;
        _models.Dispose();

        _swapping.Dispose();
    }

    private void OnChanged(object? sender, InstalledBundle bundle) => PendingSwap = SwapSafelyAsync();

    private async Task SwapSafelyAsync()
    {
        var bundle = _active.Current;
        try
        {
            await _swapping.WaitAsync().ConfigureAwait(false);
            try
            {
                var path = bundle.PathFor(BundleRoles.Asr);
                if (_configuration[$"{SpeechRecognitionOptions.SectionName}:ModelPath"] is not null || path == ModelPath)
                {
                    // Pinned by a setting, or the same model file: nothing to load.
                    return;
                }

                var options = new SpeechRecognitionOptions();
                _configuration.GetSection(SpeechRecognitionOptions.SectionName).Bind(options);
                options.ModelPath = path;
                var recognizer = await Task.Run(() => new WhisperSpeechRecognizer(Options.Create(options), _script, _recognizerLogger)).ConfigureAwait(false);
                _models.Replace(new ModelGeneration<ISpeechRecognizer>(recognizer, bundle.Version, recognizer));
                Volatile.Write(ref _modelPath, path);
                Log.Swapped(_logger, bundle.Version, path ?? "none");
            }
            finally
            {
                _swapping.Release();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The health check loaded this model before activation; if it fails now the old one keeps recognising.
            Log.SwapFailed(_logger, bundle.Version, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Speech recognition swapped to bundle version {Version} ({Model}), without a restart.")]
        public static partial void Swapped(ILogger logger, long version, string model);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the Whisper model of bundle version {Version}; the previous model keeps recognising: {Reason}")]
        public static partial void SwapFailed(ILogger logger, long version, string reason);
    }
}
