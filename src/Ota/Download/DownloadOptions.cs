using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Car.Ota;

/// <summary>How bundles are fetched. Section <c>Ota:Download</c>.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
    "[Range(typeof(TimeSpan), …)] is never constructed: OtaOptionsAnnotationsValidator (source-generated, through OtaOptions.Download) checks the range with a typed copy of its own, and SettingsCheck reads the bounds as attribute data.")]
public sealed class DownloadOptions
{
    /// <summary>Bytes per second at most (0: no cap), so a download never crowds out the car's other traffic.</summary>
    [Range(0, long.MaxValue)]
    public long MaxBytesPerSecond { get; set; }

    /// <summary>
    /// The network interfaces a download may use (name prefixes such as <c>wlan</c>, <c>eth</c>; empty: any): a car
    /// downloads gigabytes on Wi-Fi or in the workshop, not on a metered modem.
    /// </summary>
    public IList<string> AllowedInterfaces { get; } = [];

    /// <summary>A transfer that moves less than <see cref="StallBytes"/> within this is stalled and stopped (slow retrieval).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The progress that resets <see cref="StallTimeout"/>.</summary>
    [Range(1, int.MaxValue)]
    public int StallBytes { get; set; } = 64 * 1024;

    /// <summary>Ask for HTTP/2 without TLS (the reference server's h2c); false for HTTP/1.1.</summary>
    public bool Http2 { get; set; } = true;
}
