using Car.VehicleBus.Can;
using Car.VehicleBus.Can.Transport;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class CanServiceCollectionExtensions
{
    /// <summary>
    /// Registers the vehicle over CAN as the <see cref="IVehicleBus"/>: the mapping and DBC that
    /// <see cref="CanOptions"/> name, the transport it picks (SocketCAN or a candump replay, recorded when
    /// <see cref="CanOptions.RecordFile"/> is set), the <see cref="CanProvider"/> and the <see cref="CanVehicleBus"/>.
    /// </summary>
    public static IServiceCollection AddCanVehicleBus(this IServiceCollection services, Action<CanOptions>? configure = null)
    {
        services.AddVehicleSignals();
        var options = services.AddOptions<CanOptions>()
            .Validate(o => o.Transport != CanTransportKind.Replay || !string.IsNullOrWhiteSpace(o.ReplayFile), "Can:ReplayFile names the candump log to replay.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CanOptions>, CanOptionsAnnotationsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CanTranslator.Load(sp.GetRequiredService<IOptions<CanOptions>>().Value.MappingFile, sp.GetRequiredService<SignalCatalog>()));
        services.TryAddSingleton(sp => CreateTransport(sp.GetRequiredService<IOptions<CanOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CanProvider(
            sp.GetRequiredService<CanTranslator>(), sp.GetRequiredService<ICanTransport>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new CanVehicleBus(
            sp.GetRequiredService<CanProvider>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<CanVehicleBus>>()));
        services.TryAddSingleton<IVehicleBus>(sp => sp.GetRequiredService<CanVehicleBus>());
        return services;
    }

    private static ICanTransport CreateTransport(CanOptions options, TimeProvider time)
    {
        ICanTransport transport = options.Transport == CanTransportKind.Replay
            ? new CandumpReplayTransport(options.ReplayFile!, new CandumpReplayOptions { Speed = options.ReplaySpeed }, time)
            : SocketCanTransport.Open(options.Interface);
        return options.RecordFile is { Length: > 0 } record
            ? new RecordingCanTransport(transport, new StreamWriter(record, append: true), time, options.Interface, leaveOpen: false)
            : transport;
    }
}
