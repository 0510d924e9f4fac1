namespace Car.Assistant.Telemetry;

/// <summary>Where the turns' traces and metrics go besides the in-process listeners (the dashboard).</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere: spans and measurements exist only for in-process listeners.</summary>
    None,

    /// <summary>Written to stdout by OpenTelemetry's console exporter.</summary>
    Console,

    /// <summary>Sent over OTLP to <see cref="TelemetryOptions.OtlpEndpoint"/> (a collector, Jaeger, …).</summary>
    Otlp,
}
