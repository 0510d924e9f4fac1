using Car.Ota.Store;
using Microsoft.Extensions.Logging;

namespace Car.Ota.Health;

/// <summary>
/// What happens around an activated bundle: the health check that confirms it or rolls it back, the crash-loop
/// counter kept across restarts, and rollback by hand. Each change of slot is one atomic pointer write and a record.
/// </summary>
public sealed partial class BundleActivation
{
    private readonly BundleStore _store;
    private readonly IEnumerable<IBundleHealthCheck> _checks;
    private readonly ActiveBundle? _active;
    private readonly ILogger _logger;

    public BundleActivation(BundleStore store, IEnumerable<IBundleHealthCheck> checks, ILogger<BundleActivation> logger, ActiveBundle? active = null)
    {
        _store = store;
        _checks = checks;
        _logger = logger;
        _active = active;
    }

    /// <summary>
    /// At start: a bundle still pending confirmation counts one more attempt; past <see cref="OtaOptions.MaxBootAttempts"/>
    /// the car is crash-looping on it and rolls back. Returns the bundle to run.
    /// </summary>
    public async Task<InstalledBundle> BootAsync(CancellationToken cancellationToken)
    {
        using var held = _store.Lock();
        var pointer = await _store.ReadPointerAsync(cancellationToken).ConfigureAwait(false);
        if (pointer.Pending)
        {
            var attempts = pointer.BootAttempts + 1;
            if (attempts > _store.Options.MaxBootAttempts)
            {
                var bundle = await _store.ReadSlotAsync(pointer.Active, cancellationToken).ConfigureAwait(false);
                await RollBackAsync(pointer, bundle, "crash-loop",
                    $"started {pointer.BootAttempts} times without passing its health check", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _store.WritePointerAsync(pointer with { BootAttempts = attempts }, cancellationToken).ConfigureAwait(false);
            }
        }

        return await _store.ReadActiveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the health checks on the active bundle if it is pending: confirms it, or rolls back and throws
    /// <see cref="BundleInstallException"/> saying what failed. Returns the bundle that stays active.
    /// </summary>
    public async Task<InstalledBundle> CheckAsync(long fromVersion, CancellationToken cancellationToken)
    {
        var pointer = await _store.ReadPointerAsync(cancellationToken).ConfigureAwait(false);
        var bundle = await _store.ReadActiveAsync(cancellationToken).ConfigureAwait(false);
        if (!pointer.Pending)
        {
            return bundle;
        }

        var failures = new List<string>();
        foreach (var check in _checks)
        {
            try
            {
                if (await check.CheckAsync(bundle, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    failures.Add($"{check.Name}: {failure}");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add($"{check.Name}: {e.Message}");
            }
        }

        if (failures.Count > 0)
        {
            var restored = await RollBackAsync(pointer, bundle, "health-check", string.Join("; ", failures), cancellationToken).ConfigureAwait(false);
            throw new BundleInstallException(
                $"Version {bundle.Version} failed its health check ({string.Join("; ", failures)}); rolled back to {Describe(restored)}.");
        }

        await _store.WritePointerAsync(pointer with { Pending = false, BootAttempts = 0 }, cancellationToken).ConfigureAwait(false);
        await _store.AppendRecordAsync(_store.Record("install", bundle.Name, fromVersion, bundle.Version, bundle.Slot, "ok",
            "verified, activated and healthy"), cancellationToken).ConfigureAwait(false);
        Log.Confirmed(_logger, bundle.Version, bundle.Slot);
        _active?.Publish(bundle);
        return bundle;
    }

    /// <summary>Goes back to the previous complete bundle (the factory bundle when there is none).</summary>
    public async Task<InstalledBundle> RollBackAsync(CancellationToken cancellationToken)
    {
        using var held = _store.Lock();
        var pointer = await _store.ReadPointerAsync(cancellationToken).ConfigureAwait(false);
        if (pointer.Active == Slots.Factory)
        {
            throw new BundleInstallException("The factory bundle is active: there is nothing to roll back to.");
        }

        var bundle = await _store.ReadSlotAsync(pointer.Active, cancellationToken).ConfigureAwait(false);
        return await RollBackAsync(pointer, bundle, "rollback", "asked for", cancellationToken).ConfigureAwait(false);
    }

    private async Task<InstalledBundle> RollBackAsync(
        StorePointer pointer, InstalledBundle? failed, string action, string reason, CancellationToken cancellationToken)
    {
        var target = pointer.Previous is { } previous && await _store.ReadSlotAsync(previous, cancellationToken).ConfigureAwait(false) is not null
            ? previous
            : Slots.Factory;
        await _store.WritePointerAsync(pointer with { Active = target, Previous = null, Pending = false, BootAttempts = 0 }, cancellationToken)
            .ConfigureAwait(false);
        var restored = (await _store.ReadSlotAsync(target, cancellationToken).ConfigureAwait(false))!;
        await _store.AppendRecordAsync(_store.Record(action, failed?.Name ?? "unknown", failed?.Version ?? 0, restored.Version, target,
            "rolled-back", reason), cancellationToken).ConfigureAwait(false);
        Log.RolledBack(_logger, failed?.Version ?? 0, Describe(restored), reason);
        _active?.Publish(restored);
        return restored;
    }

    internal static string Describe(InstalledBundle bundle) =>
        bundle.Slot == Slots.Factory ? "the factory bundle" : $"version {bundle.Version} in slot {bundle.Slot.ToUpperInvariant()}";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Bundle version {Version} in slot {Slot} passed its health check.")]
        public static partial void Confirmed(ILogger logger, long version, string slot);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Bundle version {Version} rolled back to {Restored}: {Reason}.")]
        public static partial void RolledBack(ILogger logger, long version, string restored, string reason);
    }
}
