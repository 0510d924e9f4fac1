using System.CommandLine;
using Car.VehicleBus.Can;
using Car.VehicleBus.Can.Transport;
using Car.VehicleBus.Signals;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car bus replay FILE.log [--speed N] [--interface IF] [--mapping FILE]</c>: plays a candump log through the CAN
/// provider and prints each VSS value as it first arrives and whenever it changes.
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
        var replay = new Command("replay", "Play a candump log through the CAN provider and print the VSS values it carries.")
        {
            file, speed, iface, mapping,
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
}
