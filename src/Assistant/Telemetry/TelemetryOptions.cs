namespace Car.Assistant.Telemetry;

/// <summary>How the turns' traces and metrics are exported. Bound from the <c>Telemetry</c> configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>None (the default), Console or Otlp.</summary>
    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The OTLP endpoint for <see cref="TelemetryExporter.Otlp"/>; empty: OpenTelemetry's default (http://localhost:4317, gRPC).</summary>
    public Uri? OtlpEndpoint { get; set; }
}
