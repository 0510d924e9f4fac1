using Car.Language;
using Car.Ota.Health;
using Car.Ota.Store;
using Microsoft.Extensions.Logging;

namespace Car.Assistant.Hosting.Bundles;

/// <summary>
/// The <see cref="IIntentParser"/> that follows the active bundle without a restart: a new bundle's parser is built
/// off the request path, then swapped in with one reference exchange; a parse in flight finishes on the parser it
/// started with, and the old models are released when the last such parse ends.
/// </summary>
public sealed partial class ReloadableIntentParser : IIntentParser, IDisposable
{
    private readonly BundleParserFactory _factory;
    private readonly IActiveBundle _active;
    private readonly ILogger _logger;
    private readonly ModelSwap<IIntentParser> _models;
    private readonly SemaphoreSlim _swapping = new(1, 1);

    internal ReloadableIntentParser(BundleParserFactory factory, IActiveBundle active, Func<IIntentParser> startup, ILogger<ReloadableIntentParser> logger)
    {
        _factory = factory;
        _active = active;
        _logger = logger;
        // The parser the container built from the bundle active at start (owned by the container).
        _models = new ModelSwap<IIntentParser>(() => new ModelGeneration<IIntentParser>(startup(), active.Current.Version, owner: null));
        _active.Changed += OnChanged;
    }

    public string Engine => _models.Use(parser => parser.Engine);

    /// <summary>The version of the bundle new requests are parsed with.</summary>
    public long Version => _models.Current.Version;

    /// <summary>Completes when the latest swap has finished (tests and benchmarks wait on it).</summary>
    public Task? PendingSwap { get; private set; }

    public async ValueTask<ParsedUtterance> ParseAsync(string text, CancellationToken cancellationToken = default)
    {
        var generation = _models.Acquire();
        try
        {
            return await generation.Model.ParseAsync(text, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Builds the parser of <paramref name="bundle"/> and makes it the one new requests use.</summary>
    public async Task SwapToAsync(InstalledBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        await _swapping.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var next = await Task.Run(() => _factory.Build(bundle), cancellationToken).ConfigureAwait(false);
            _models.Replace(next);
            var milliseconds = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            Log.Swapped(_logger, bundle.Version, bundle.Slot, milliseconds);
        }
        finally
        {
            _swapping.Release();
        }
    }

    public void Dispose()
    {
        _active.Changed -= OnChanged;
        _models.Dispose();
        _swapping.Dispose();
    }

    private void OnChanged(object? sender, InstalledBundle bundle)
    {
        PendingSwap = SwapSafelyAsync(bundle);
    }

    private async Task SwapSafelyAsync(InstalledBundle bundle)
    {
        try
        {
            // Swaps run one at a time; each loads what is active by its turn, so news arriving out of order ends on the latest.
            await SwapToAsync(_active.Current, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The health check loaded these models before activation; if they fail here the old ones keep answering.
            Log.SwapFailed(_logger, bundle.Version, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Models swapped to bundle version {Version} (slot {Slot}) in {Milliseconds:0} ms, without a restart.")]
        public static partial void Swapped(ILogger logger, long version, string slot, double milliseconds);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not load bundle version {Version}; the previous models keep answering: {Reason}")]
        public static partial void SwapFailed(ILogger logger, long version, string reason);
    }
}
