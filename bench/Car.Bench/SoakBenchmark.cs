using System.Diagnostics;
using System.Runtime;
using Car.Assistant.Dialogue;
using Car.ModelWriting;
using Car.Speech;
using Car.Speech.Audio;
using Car.Speech.Output;
using Car.Speech.Vad;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Car.Bench;

/// <summary>
/// Always listening for a long time: a file-backed fake microphone plays mostly silence (with a little noise) and a
/// spoken command (espeak-ng) every <c>every</c> seconds, through Silero VAD, <see cref="LiveUtterances"/>, Whisper
/// (base shape, random weights) and the conversation, as the voice session does. Prints RSS over the audio's time.
/// Faster than real time unless <c>--realtime</c>: the audio clock is the microphone's, not the wall's.
/// </summary>
internal static class SoakBenchmark
{
    private static readonly string[] Commands = ["打开主驾车窗", "空调调到二十二度", "有点闷", "关闭天窗", "座椅加热开到二档", "音量调小一点"];

    public static async Task RunAsync(int minutes, int every, int threads, bool realTime, WhisperWeightType weights)
    {
        var directory = Directory.CreateTempSubdirectory("car-bench-soak-").FullName;
        try
        {
            var model = await BenchWhisperModel.WriteBaseAsync(directory, weights);
            var microphoneFile = Path.Combine(directory, "microphone.raw");
            await FileMicrophone.WriteAsync(microphoneFile, await CommandsInSilenceAsync(directory, every));
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Language:ModelDirectory"] = Paths.NluModels,
                ["Llm:Engine"] = "Rules",
                ["Asr:ModelPath"] = model,
                ["Asr:Threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Vad:ModelPath"] = Path.Combine(AppContext.BaseDirectory, "native", "silero", "silero_vad.onnx"),
            }).Build();
            var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            collection.AddCarAssistant();
            collection.AddCarSpeech();
            await using var services = collection.BuildServiceProvider();
            var conversation = services.GetRequiredService<Conversation>();
            var turn = new VoiceTurn(services.GetRequiredService<ISpeechRecognizer>(), conversation);
            using var detector = services.GetRequiredService<IVoiceActivityDetector>();
            var live = new LiveUtterances(new SpeechSegmenter(detector, services.GetRequiredService<IOptions<VadOptions>>().Value));
            var microphone = new FileMicrophone(microphoneFile, TimeSpan.FromMinutes(minutes), realTime);

            // Making an hour of audio is the benchmark's own garbage, not the assistant's memory: it is collected before
            // anything is measured.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

            Console.WriteLine($"Car soak: {minutes} min of audio, a command every {every} s ({Commands.Length} kinds, espeak-ng), VAD {detector.Name}, " +
                $"whisper-base shape {weights} (random weights) {threads} threads, {(realTime ? "real time" : "faster than real time")}; load average {LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine("| audio time | wall time | RSS MB | managed heap MB | samples held | utterances |");
            Console.WriteLine("|--:|--:|--:|--:|--:|--:|");
            var wall = Stopwatch.StartNew();
            var utterances = 0;
            var step = TimeSpan.FromMinutes(Math.Max(1, minutes / 12.0));
            var next = TimeSpan.Zero;
            var rss = new List<double>();
            void Report()
            {
                using var self = Process.GetCurrentProcess();
                var mb = self.WorkingSet64 / 1048576.0;
                rss.Add(mb);
                var audio = TimeSpan.FromSeconds(microphone.Position / 16_000.0);
                Console.WriteLine($"| {audio:hh\\:mm\\:ss} | {wall.Elapsed:hh\\:mm\\:ss} | {mb:F0} | {GC.GetTotalMemory(false) / 1048576.0:F1} | {live.BufferedSamples} | {utterances} |");
            }

            // Memory is sampled as each utterance closes: one every `every` seconds of audio.
            await foreach (var (_, samples) in live.ReadAsync(microphone.CaptureAsync()))
            {
                await turn.HandleAsync(samples);
                utterances++;
                if (TimeSpan.FromSeconds(microphone.Position / 16_000.0) >= next)
                {
                    Report();
                    next += step;
                }
            }

            Report();
            var settled = rss.Skip(1).ToList();
            Console.WriteLine();
            Console.WriteLine($"RSS after the first step: min {settled.Min():F0} MB, max {settled.Max():F0} MB, spread {(settled.Max() - settled.Min()) / settled.Min() * 100:F1} %; load average {LoadAverage()}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<float[]> CommandsInSilenceAsync(string directory, int every)
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var period = every * 16_000;
        var audio = new float[period * Commands.Length];
        var noise = new Random(7);
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = (float)((noise.NextDouble() - 0.5) * 0.006);
        }

        for (var c = 0; c < Commands.Length; c++)
        {
            var wav = Path.Combine(directory, $"command-{c}.wav");
            await speaker.WriteWavAsync(Commands[c], wav);
            var clip = await WavReader.ReadSpeechAsync(wav);
            var at = (c * period) + (period / 2);
            for (var i = 0; i < clip.Samples.Length && at + i < audio.Length; i++)
            {
                audio[at + i] += clip.Samples[i] * 0.5f;
            }
        }

        return audio;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
