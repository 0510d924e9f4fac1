using System.Diagnostics;
using Car.Bench;
using Car.ModelWriting;

// dotnet run -c Release --project bench/Car.Bench                      text path: parse + policy over the corpus
// dotnet run -c Release --project bench/Car.Bench -- llm MODEL.gguf…   LLM fallback (see LlmBenchmark)
//   options for llm: --tokens N (answer cap, 24), --runs N (5), --threads N (2)
// dotnet run -c Release --project bench/Car.Bench -- speech           VAD, Whisper shapes, end of speech → action
// dotnet run -c Release --project bench/Car.Bench -- speech --live [--commands 20] [--tokens 20]   end of speech → transcript/action/first
//   reply audio, real time through a file-backed microphone, quiet then with 2 busy processes, recognising after the end,
//   speculatively, and speculatively with the oracle judge (OMP_WAIT_POLICY=ACTIVE: the old spin); variants:
//   [--weights Q8_0 (default)|F16|Q5_1] [--prompt TEXT ("" for none)] [--speculate-ms N] [--pause-level DB (0: Silero alone)] [--nice N (recognition's nice value)] [--quiet-only|--busy-only] [--speculative-only]
// dotnet run -c Release --project bench/Car.Bench -- speech --split [--pauses 150,250,350,500,700] [--realtime] [--no-whisper] [--complete-ms 200]
//   multi-clause commands said with pauses between clauses: utterances per command under the fixed tail and the
//   adaptive end (oracle judge at the pause; and after Whisper base in real time unless --no-whisper; see SplitBenchmark)
// dotnet run -c Release --project bench/Car.Bench -- soak [--minutes 60] [--every 30] [--realtime] [--weights Q8_0 (default)|F16|Q5_1]
//   always listening for an hour of mostly silence from a file-backed microphone: RSS over time (see SoakBenchmark)
// dotnet run -c Release --project bench/Car.Bench -- pinyin [passes]  pinyin table load, sound-alike Find (see SoundAlikeBenchmark)
// dotnet run -c Release --project bench/Car.Bench -- language [passes] jieba load and memory, Segment, parse with/without resources
// dotnet run -c Release --project bench/Car.Bench -- cloud [--postgres CONNECTION] [--seconds N] [--cars N] [--events N]
//   reference cloud server on loopback: recommend p50/p99, requests/s with many cars, outbox drain (see CloudBenchmark)
// dotnet run -c Release --project bench/Car.Bench -- can [seconds]     CAN codec frames/s, Intel and Motorola, and frame ⇄ VSS (see CanBenchmark)
// dotnet run -c Release --project bench/Car.Bench -- broker [--seconds N] [--callers N] [--subscribers N] [--messages N]
//   kuksa.val.v2 broker on loopback: Get/Publish/Actuate calls/s, fan-out p50/p99 to 50 subscribers (see BrokerBenchmark)
// dotnet run -c Release --project bench/Car.Bench -- ota [--mib N] [--dir DIR]  OTA install MB/s for an N MiB bundle (1024) in /tmp or DIR; swap pause (see OtaBenchmark)
// dotnet run -c Release --project bench/Car.Bench -- coldstart --car PATH [--runs N]  wall time of new `car say 有点闷` and
//   `car parse` processes, p50/p95/min over N runs (20): the JIT build, ReadyToRun or Native AOT (see ColdStartBenchmark)
if (args.Length > 0 && args[0] == "llm")
{
    var models = args.Skip(1).Where(a => a.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)).ToList();
    await LlmBenchmark.RunAsync(models, Option("--tokens", 24), Option("--runs", 5), Option("--threads", 2));
    return;
}

if (args.Length > 0 && args[0] == "cloud")
{
    var postgres = Array.IndexOf(args, "--postgres") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await CloudBenchmark.RunAsync(Option("--seconds", 10), Option("--cars", 100), Option("--events", 5000), postgres);
    return;
}

if (args.Length > 0 && args[0] == "broker")
{
    await BrokerBenchmark.RunAsync(Option("--seconds", 5), Option("--callers", 32), Option("--subscribers", 50), Option("--messages", 2000));
    return;
}

if (args.Length > 0 && args[0] == "ota")
{
    await OtaBenchmark.RunAsync(Option("--mib", 1024), Array.IndexOf(args, "--dir") is var d and >= 0 && d + 1 < args.Length ? args[d + 1] : null);
    return;
}

if (args.Length > 0 && args[0] == "coldstart")
{
    var car = Array.IndexOf(args, "--car") is var c and >= 0 && c + 1 < args.Length ? args[c + 1] : Path.Combine("src", "Assistant", "bin", "Release", "net10.0", "car");
    Environment.ExitCode = await ColdStartBenchmark.RunAsync(car, Option("--runs", 20));
    return;
}

if (args.Length > 0 && args[0] == "soak")
{
    await SoakBenchmark.RunAsync(Option("--minutes", 60), Option("--every", 30), Option("--threads", 2), args.Contains("--realtime"), Weights());
    return;
}

if (args.Length > 0 && args[0] == "speech" && args.Contains("--split"))
{
    var pauses = Array.IndexOf(args, "--pauses") is var p and >= 0 && p + 1 < args.Length
        ? args[p + 1].Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList()
        : [150, 250, 350, 500, 700];
    await SplitBenchmark.RunAsync(pauses, args.Contains("--realtime"), !args.Contains("--no-whisper"), args.Contains("--complete-ms") ? Option("--complete-ms", 200) : null);
    return;
}

if (args.Length > 0 && args[0] == "speech" && args.Contains("--live"))
{
    LiveSpeechBenchmark.PrintHeader();
    var variant = new LiveSpeechVariant(
        Weights(),
        Array.IndexOf(args, "--prompt") is var pr and >= 0 && pr + 1 < args.Length ? args[pr + 1] : null,
        args.Contains("--speculate-ms") ? Option("--speculate-ms", 150) : null,
        args.Contains("--pause-level") ? Option("--pause-level", 20) : null,
        args.Contains("--nice") ? Option("--nice", 0) : null);
    var modes = args.Contains("--speculative-only") ? [RecognitionMode.Speculative, RecognitionMode.SpeculativeOracle] : Enum.GetValues<RecognitionMode>();
    foreach (var busy in args.Contains("--busy-only") ? new[] { 2 } : args.Contains("--quiet-only") ? [0] : new[] { 0, 2 })
    {
        foreach (var mode in modes)
        {
            await LiveSpeechBenchmark.RunAsync(Option("--commands", 20), busy, Option("--threads", 2), mode, Option("--tokens", 20), variant);
        }
    }

    return;
}

if (args.Length > 0 && args[0] == "speech")
{
    await SpeechBenchmark.RunAsync(Option("--threads", 2));
    return;
}

// The text path and sound-alike repair are measured on one core.
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

if (args.Length > 0 && args[0] == "can")
{
    CanBenchmark.Run(args.Length > 1 && double.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var canSeconds) ? canSeconds : 2);
    return;
}

if (args.Length > 0 && args[0] == "pinyin")
{
    SoundAlikeBenchmark.Run(args.Length > 1 && int.TryParse(args[1], out var pinyinPasses) ? pinyinPasses : 50);
    return;
}

if (args.Length > 0 && args[0] == "language")
{
    LanguageBenchmark.Run(args.Length > 1 && int.TryParse(args[1], out var languagePasses) ? languagePasses : 20);
    return;
}

await TextBenchmark.RunAsync(args.Length > 0 && int.TryParse(args[0], out var passes) ? passes : 20);

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

// The Whisper file's weight type: Q8_0, the file a bundle should carry, unless --weights says otherwise.
WhisperWeightType Weights() =>
    Array.IndexOf(args, "--weights") is var index and >= 0 && index + 1 < args.Length ? Enum.Parse<WhisperWeightType>(args[index + 1]) : WhisperWeightType.Q8_0;
