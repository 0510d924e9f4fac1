using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Car.Assistant.Policy;

/// <summary>How long the assistant waits for the car to reach the targets it sent. Section <c>Actions</c>.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
    "[Range(typeof(TimeSpan), …)] is never constructed: ActionExecutorOptionsAnnotationsValidator (source-generated) checks the range with a typed copy of its own, and SettingsCheck reads the bounds as attribute data.")]
public sealed class ActionExecutorOptions
{
    public const string SectionName = "Actions";

    /// <summary>Past this, an action is reported unconfirmed (a window still moving, a bus that did not answer).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Confirmation timeouts for particular signals, by VSS path, where <c>*</c> stands for one level:
    /// <c>Actions:ConfirmationTimeouts:Vehicle.Cabin.Door.*.*.Window.Position=00:00:06</c>. Others wait <see cref="ConfirmationTimeout"/>.
    /// </summary>
    public Dictionary<string, TimeSpan> ConfirmationTimeouts { get; } = new(StringComparer.Ordinal);

    /// <summary>A part whose value has not changed for this long, short of its target, has stopped (rather than still moving).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan StallTime { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The confirmation timeout for <paramref name="signal"/>.</summary>
    public TimeSpan ConfirmationTimeoutFor(string signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (ConfirmationTimeouts.TryGetValue(signal, out var exact))
        {
            return exact;
        }

        var segments = signal.Split('.');
        foreach (var (pattern, timeout) in ConfirmationTimeouts)
        {
            var parts = pattern.Split('.');
            if (parts.Length == segments.Length && parts.Zip(segments).All(p => p.First == "*" || p.First == p.Second))
            {
                return timeout;
            }
        }

        return ConfirmationTimeout;
    }

    /// <summary>Longest a single bus call (read, actuate) may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan BusCallTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
