using System.CommandLine;
using Car.Assistant.Dashboard;
using Car.VehicleBus.Broker;
using Car.VehicleBus.Providers;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car serve</c>: the head unit's vehicle service. The kuksa.val.v2 broker listens on <c>Broker:Url</c>
/// (http://127.0.0.1:55555 by default) with the simulated car as its provider over the provider stream, and the
/// developer dashboard on <c>Dashboard:Url</c> (http://127.0.0.1:8080; empty: off), until
/// Ctrl+C or SIGTERM. Faults can be injected into the car: <c>--fault PATH=stuck|slow|partial</c>,
/// <c>--provider-fault gone|silent</c>. With <c>--listen</c> the voice session of <c>car --listen</c> runs beside them
/// (the microphone, <c>Capture:Device</c>); with <c>Capture:Mode=PushToTalk</c> the dashboard's talk button and
/// <c>POST /api/talk</c> start capture as Space or Enter do.
/// </summary>
public static class ServeCommand
{
    public static Command Create(Func<ParseResult, Action<HostApplicationBuilder>, CancellationToken, Task<IHost>> startHost)
    {
        var faults = new Option<string[]>("--fault")
        {
            Description = "Make an actuator misbehave: PATH=stuck (never moves), slow (a fifth of its speed) or partial (stops halfway) (repeatable).",
        };
        faults.Validators.Add(result =>
        {
            foreach (var fault in result.GetValueOrDefault<string[]>() ?? [])
            {
                var parts = fault.Split('=', 2);
                if (parts.Length != 2 || !Enum.TryParse<ActuatorFault>(parts[1], ignoreCase: true, out _))
                {
                    result.AddError($"--fault takes PATH=stuck|slow|partial, not '{fault}'.");
                }
            }
        });
        var providerFault = new Option<string>("--provider-fault")
        {
            Description = "Make the simulated car a bad provider: gone (leaves during the first actuation) or silent (never answers).",
        };
        providerFault.AcceptOnlyFromAmong("none", "gone", "silent");

        var listen = new Option<bool>("--listen")
        {
            Description = "Also listen to the microphone (ALSA, Capture:Device) and answer by voice; with Capture:Mode=PushToTalk the dashboard's talk button starts capture.",
        };

        var command = new Command("serve", "Run the vehicle broker (kuksa.val.v2, Broker:Url) with the simulated car as its provider until Ctrl+C.")
        {
            faults, providerFault, listen,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var fault in result.GetValue(faults) ?? [])
            {
                var parts = fault.Split('=', 2);
                settings[$"{SimulatorOptions.SectionName}:Faults:{parts[0]}"] = parts[1];
            }

            if (result.GetValue(providerFault) is { } misbehaviour)
            {
                settings[$"{SimulatorProviderOptions.SectionName}:Fault"] = misbehaviour;
            }

            using var host = await startHost(
                result,
                builder =>
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                    builder.Services.AddVehicleBroker();
                    builder.Services.AddSimulatorProvider();
                    builder.Services.AddCarDashboard();
                    if (result.GetValue(listen))
                    {
                        builder.Services.AddHostedService<VoiceSessionService>();
                    }
                },
                cancellationToken).ConfigureAwait(false);
            var address = await host.Services.GetRequiredService<BrokerEndpoint>().Address.WaitAsync(cancellationToken).ConfigureAwait(false);
            var dashboard = await host.Services.GetRequiredService<DashboardEndpoint>().Address.WaitAsync(cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(
                $"car serve: kuksa.val.v2 broker on {address} with the simulated car as provider{(dashboard is null ? string.Empty : $"; dashboard on {dashboard}")}; Ctrl+C stops.")
                .ConfigureAwait(false);
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop below.
            }

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            // A voice session that lost its microphone or model stops the service with its exit code.
            return host.Services.GetRequiredService<SessionResult>().ExitCode;
        });
        return command;
    }
}
