using Car.Assistant.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The turns' spans and metrics (<see cref="TurnTelemetry"/>), for in-process listeners; exporting is <see cref="AddCarTelemetryExport"/>.</summary>
    public static IServiceCollection AddCarTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        services.TryAddSingleton<TurnTelemetry>();
        return services;
    }

    /// <summary>
    /// Exports the turns' spans and metrics as <c>Telemetry:Exporter</c> says (none, console, otlp with
    /// <c>Telemetry:OtlpEndpoint</c>). The exporter is chosen from the configuration as it stands when the host is built.
    /// </summary>
    public static IServiceCollection AddCarTelemetryExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCarTelemetry();
        var options = new TelemetryOptions();
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        if (!Enum.TryParse<TelemetryExporter>(section[nameof(TelemetryOptions.Exporter)], ignoreCase: true, out var exporter))
        {
            // Missing, or a value the settings check reports before the host is built.
            exporter = options.Exporter;
        }

        if (exporter == TelemetryExporter.None)
        {
            return services;
        }

        Uri.TryCreate(section[nameof(TelemetryOptions.OtlpEndpoint)], UriKind.Absolute, out var endpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("car"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(TurnTelemetry.SourceName);
                if (exporter == TelemetryExporter.Console)
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter(o => SetEndpoint(o, endpoint));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TurnTelemetry.SourceName);
                if (exporter == TelemetryExporter.Console)
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(o => SetEndpoint(o, endpoint));
                }
            });
        return services;
    }

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, Uri? endpoint)
    {
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }
    }
}
