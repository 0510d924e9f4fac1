using System.Diagnostics;
using Car.VehicleBus.Can;
using Car.VehicleBus.Can.Codec;
using Car.VehicleBus.Can.Dbc;
using Car.VehicleBus.Signals;

namespace Car.Bench;

/// <summary>
/// CAN codec throughput on the sample network (models/can), one core: frames decoded and encoded per second for an
/// Intel message (BCM_DoorStatus, 11 signals) and a Motorola one (HVAC_Status, 10 signals, 12-bit signals across
/// bytes), and the whole VSS path (frame → VSS values, VSS target → command frame). Target: ≥ 1 M frames/s.
/// </summary>
internal static class CanBenchmark
{
    private const int FrameCount = 4096;

    public static void Run(double seconds)
    {
        var catalog = SignalCatalogLoader.Load(new SignalCatalogOptions());
        var translator = CanTranslator.Load(new CanOptions().MappingFile, catalog);
        var dbc = DbcParser.Load(Path.Combine(Path.GetDirectoryName(new CanOptions().MappingFile)!, "car-body-climate.dbc"));
        var random = new Random(42);
        var duration = TimeSpan.FromSeconds(seconds);

        Console.WriteLine($"Car CAN codec: {dbc.Messages.Count} messages, {dbc.Messages.Sum(m => m.Signals.Count)} signals; {duration.TotalSeconds:0.#} s per row; 1 core, .NET {Environment.Version}");
        Console.WriteLine($"{"",-34} {"frames/s",12} {"ns/frame",9} {"signals/s",13}");
        foreach (var name in new[] { "BCM_DoorStatus", "HVAC_Status" })
        {
            dbc.TryGetMessage(name, out var message);
            var codec = new CanMessageCodec(message);
            var frames = Frames(codec, random);
            var values = new double[codec.Signals.Count];
            var carried = new bool[codec.Signals.Count];
            var decoded = Measure(duration, () =>
            {
                for (var i = 0; i < frames.Length; i++)
                {
                    codec.DecodeAll(frames[i], values, carried);
                }
            });
            Report($"decode {name} ({Order(message)})", decoded, codec.Signals.Count);

            var inputs = frames.Select(f =>
            {
                var v = new double[codec.Signals.Count];
                codec.DecodeAll(f, v, carried);
                return v;
            }).ToArray();
            var sink = 0UL;
            var encoded = Measure(duration, () =>
            {
                for (var i = 0; i < inputs.Length; i++)
                {
                    sink ^= codec.Encode(inputs[i]).Data;
                }
            });
            GC.KeepAlive(sink);
            Report($"encode {name} ({Order(message)})", encoded, codec.Signals.Count);
        }

        dbc.TryGetMessage("HVAC_Status", out var hvac);
        var hvacFrames = Frames(new CanMessageCodec(hvac), random);
        var vss = new List<KeyValuePair<string, SignalValue>>(16);
        var toVss = Measure(duration, () =>
        {
            for (var i = 0; i < hvacFrames.Length; i++)
            {
                vss.Clear();
                translator.Decode(hvacFrames[i], vss);
            }
        });
        Report("frame → VSS values (HVAC_Status)", toVss, vss.Count);

        var window = VssPaths.WindowPosition(VssPlaces.DriverSide);
        var targets = Enumerable.Range(0, FrameCount).Select(i => SignalValue.FromNumber(i % 101)).ToArray();
        var toFrame = Measure(duration, () =>
        {
            for (var i = 0; i < targets.Length; i++)
            {
                translator.Encode(window, targets[i]);
            }
        });
        Report("VSS target → command frame", toFrame, 1);
    }

    /// <summary>Frames with a random raw value in every signal, within the DBC's physical [min|max] where it states one.</summary>
    private static CanFrame[] Frames(CanMessageCodec codec, Random random) =>
        [.. Enumerable.Range(0, FrameCount).Select(_ =>
        {
            var data = 0UL;
            for (var i = 0; i < codec.Signals.Count; i++)
            {
                var signal = codec.Signals[i].Signal;
                var high = signal.ValueType == DbcValueType.Signed ? 1L << (signal.Length - 1) : 1L << signal.Length;
                var low = signal.ValueType == DbcValueType.Signed ? -high : 0;
                if (signal.Minimum < signal.Maximum)
                {
                    (low, high) = ((long)Math.Ceiling((signal.Minimum - signal.Offset) / signal.Factor), (long)Math.Floor((signal.Maximum - signal.Offset) / signal.Factor) + 1);
                }

                codec.Signals[i].EncodeRaw(ref data, random.NextInt64(low, high));
            }

            return codec.CreateFrame(data);
        })];

    /// <summary>Runs <paramref name="pass"/> (one pass = <see cref="FrameCount"/> frames) for about <paramref name="duration"/> after a warm-up; frames per second.</summary>
    private static double Measure(TimeSpan duration, Action pass)
    {
        var warmUntil = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2);
        while (Stopwatch.GetTimestamp() < warmUntil)
        {
            pass();
        }

        var passes = 0L;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            pass();
            passes++;
            now = Stopwatch.GetTimestamp();
        }
        while (now < end);

        return passes * FrameCount / ((now - start) / (double)Stopwatch.Frequency);
    }

    private static void Report(string what, double framesPerSecond, int signalsPerFrame) =>
        Console.WriteLine($"{what,-34} {framesPerSecond,12:N0} {1e9 / framesPerSecond,9:0.0} {framesPerSecond * signalsPerFrame,13:N0}");

    private static string Order(DbcMessage message) => message.Signals[0].ByteOrder.ToString();
}
