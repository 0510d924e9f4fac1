using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Car.VehicleBus.Client;

/// <summary>
/// The assistant's link to a kuksa.val.v2 broker instead of the in-process simulator. Bound from the
/// <c>BusClient</c> section; <c>car --broker URL</c> sets <see cref="Url"/>.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
    "[Range(typeof(TimeSpan), …)] is never constructed: KuksaClientOptionsAnnotationsValidator (source-generated) checks the range with a typed copy of its own, and SettingsCheck reads the bounds as attribute data.")]
public sealed class KuksaClientOptions
{
    public const string SectionName = "BusClient";

    /// <summary>The broker, e.g. <c>http://127.0.0.1:55555</c>; empty: no broker, the simulator in-process.</summary>
    public string? Url { get; set; }

    /// <summary>A file holding the JWT to send (KUKSA's tokens are files like <c>jwt/actuate-provide-all.token</c>).</summary>
    public string? TokenFile { get; set; }

    /// <summary>Longest a single call may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait before reconnecting a subscription; doubled on each failure up to <see cref="MaxReconnectDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
