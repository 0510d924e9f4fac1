using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Car.VehicleBus.Providers;

/// <summary>The simulated car as a provider of a kuksa.val.v2 broker. Bound from the <c>SimulatorProvider</c> section.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
    "[Range(typeof(TimeSpan), …)] is never constructed: SimulatorProviderOptionsAnnotationsValidator (source-generated) checks the range with a typed copy of its own, and SettingsCheck reads the bounds as attribute data.")]
public sealed class SimulatorProviderOptions
{
    public const string SectionName = "SimulatorProvider";

    /// <summary>The broker to provide to; empty: the broker running in this process (<c>car serve</c>).</summary>
    public string? Url { get; set; }

    /// <summary>A file holding the provider's JWT (needs <c>actuate</c> and <c>provide</c>) when the broker checks tokens.</summary>
    public string? TokenFile { get; set; }

    /// <summary>A misbehaviour to inject: Gone or Silent (<c>car serve --provider-fault gone</c>).</summary>
    public ProviderFault Fault { get; set; } = ProviderFault.None;

    /// <summary>
    /// How often every value is published again, changed or not, as a car's ECUs send their frames cyclically; it
    /// keeps readings fresh for readers that judge their age (the assistant distrusts a speed older than 2 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RepublishInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
