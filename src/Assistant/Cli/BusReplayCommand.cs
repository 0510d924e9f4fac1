using System.CommandLine;
using Car.VehicleBus.Can;
using Car.VehicleBus.Can.Transport;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car bus replay FILE.log [--speed N] [--interface IF] [--mapping FILE] [--ecu]</c>: plays a candump log through
/// the CAN provider and prints each VSS value as it first arrives and whenever it changes. With <c>--ecu</c> the log
/// holds the head unit's commands instead: they go to the simulated car's ECUs, and the simulated cabin's changes are
/// printed as it moves.
/// </summary>
public static class BusReplayCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE.log") { Description = "A candump log (candump -l, as canplayer reads it)." };
        var speed = new Option<double>("--speed")
        {
            Description = "1 plays the log's timing as recorded, 2 twice as fast, 0 as fast as possible.",
            DefaultValueFactory = _ => 1,
        };
        var iface = new Option<string?>("--interface") { Description = "Only frames logged on this interface (e.g. vcan0)." };
        var mapping = new Option<FileInfo?>("--mapping")
        {
            Description = "The VSS-to-DBC mapping file (it names its DBC); by default the sample body and climate network in models/can.",
        };
        var ecu = new Option<bool>("--ecu")
        {
            Description = "The log holds head-unit commands: play them into the simulated car's ECUs and print how the simulated cabin moves.",
        };
        var replay = new Command("replay", "Play a candump log through the CAN provider and print the VSS values it carries.")
        {
            file, speed, iface, mapping, ecu,
        };
        replay.SetAction(async (result, cancellationToken) =>
        {
            var log = result.GetValue(file)!;
            if (!log.Exists)
            {
                await Console.Error.WriteLineAsync($"No such log: {log.FullName}").ConfigureAwait(false);
                return 2;
            }

            var catalog = SignalCatalogLoader.Load(new SignalCatalogOptions());
            var translator = CanTranslator.Load(result.GetValue(mapping)?.FullName ?? new CanOptions().MappingFile, catalog);
            await using var transport = new CandumpReplayTransport(
                log.FullName, new CandumpReplayOptions { Speed = Math.Max(0, result.GetValue(speed)), Interface = result.GetValue(iface) });
            if (result.GetValue(ecu))
            {
                return await DriveSimulatorAsync(translator, transport, cancellationToken).ConfigureAwait(false);
            }

            var provider = new CanProvider(translator, transport);
            var last = new Dictionary<string, SignalValue>(StringComparer.Ordinal);
            var started = TimeProvider.System.GetTimestamp();
            await foreach (var value in provider.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (last.TryGetValue(value.Path, out var previous) && previous == value.Value)
                {
                    continue;
                }

                last[value.Path] = value.Value;
                var at = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                await Console.Out.WriteLineAsync(FormattableString.Invariant($"{at,8:0.000}s  {value.Path} = {value.Value}")).ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync(FormattableString.Invariant(
                $"{provider.FramesReceived} frames, {provider.FramesWithValues} with mapped signals, {transport.SkippedLines} lines skipped (not classic data frames, or another interface)")).ConfigureAwait(false);
            return 0;
        });
        return replay;
    }

    private static async Task<int> DriveSimulatorAsync(CanTranslator translator, CandumpReplayTransport transport, CancellationToken cancellationToken)
    {
        using var car = new VehicleSimulator(translator.Catalog, Options.Create(new SimulatorOptions()), TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();
        var lastChange = started;
        using var subscription = car.Subscribe(change =>
        {
            if (translator.MappedPaths.Contains(change.Path))
            {
                lastChange = TimeProvider.System.GetTimestamp();
                var at = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                Console.Out.WriteLine(FormattableString.Invariant($"{at,8:0.000}s  {change.Path} = {change.Value}"));
            }
        });
        await using var ecus = new CanEcuSimulator(translator, car, transport);
        await ecus.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);

        // Windows and the sunroof travel for seconds after their command: wait until the cabin has been still for a second.
        while (TimeProvider.System.GetElapsedTime(Volatile.Read(ref lastChange)) < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync(FormattableString.Invariant(
            $"{ecus.CommandsReceived} commands, {transport.SkippedLines} lines skipped (not classic data frames, or another interface)")).ConfigureAwait(false);
        return 0;
    }
}
