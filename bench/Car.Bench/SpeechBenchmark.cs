using System.Diagnostics;
using Car.Assistant.Dialogue;
using Car.ModelWriting;
using Car.Speech.Audio;
using Car.Speech.Vad;
using Car.Speech.Whisper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Car.Bench;

/// <summary>
/// The speech path: VAD cost per second of audio, Whisper's real-time factor for tiny/base/small shapes (random
/// weights, tokens capped at a real command's ~20, no temperature fallback) with and without audio_ctx scaling,
/// and end of speech → bus action for a rule-parsed command (VAD tail + ASR + parse + policy + actuation).
/// </summary>
internal static class SpeechBenchmark
{
    private const int Rate = 16_000;
    private const int CommandTokens = 20;

    public static async Task RunAsync(int threads)
    {
        var speech = SyntheticUtterance(seconds: 3);
        Console.WriteLine($"Car speech path: 3 s utterance, {threads} threads, Whisper tokens capped at {CommandTokens}, CPU");
        Console.WriteLine();
        Console.WriteLine("| stage | detail | ms per call | per second of audio | real-time factor |");
        Console.WriteLine("|---|---|--:|--:|--:|");
        foreach (var detector in new IVoiceActivityDetector[] { SileroVoiceActivityDetector.Load(Path.Combine(AppContext.BaseDirectory, "native", "silero", "silero_vad.onnx")), new EnergyVoiceActivityDetector() })
        {
            using var _ = detector;
            var ms = Time(5, () => new SpeechSegmenter(detector, new VadOptions()).Push(speech));
            Console.WriteLine($"| VAD | {detector.Name} | {ms:F1} | {ms / 3:F2} ms | {ms / 3000:F4} |");
        }

        var asrTimes = new Dictionary<string, double>();
        var directory = Directory.CreateTempSubdirectory("car-bench-whisper-").FullName;
        var lexicon = await File.ReadAllTextAsync(Path.Combine(Paths.NluModels, "lexicon.json"));
        foreach (var shape in new[] { WhisperShape.Tiny, WhisperShape.Base, WhisperShape.Small })
        {
            var path = Path.Combine(directory, $"whisper-{shape.Name}.bin");
            await RandomWhisperWriter.WriteAsync(shape, lexicon, path);
            using var factory = WhisperFactory.FromPath(path);
            foreach (var scaled in new[] { true, false })
            {
                var builder = factory.CreateBuilder().WithThreads(threads).WithMaxTokens(CommandTokens).WithoutTemperatureFallback();
                using var processor = (scaled ? builder : builder.WithFullAudioContext()).Build();
                await processor.ProcessAsync(speech);
                var ms = await TimeAsync(3, () => processor.ProcessAsync(speech));
                Console.WriteLine($"| ASR | whisper-{shape.Name}, audio_ctx {(scaled ? WhisperProcessor.AudioContextFor(speech.Length) : 1500)} | {ms:F0} | {ms / 3:F0} ms | {ms / 3000:F3} |");
                if (scaled)
                {
                    asrTimes[shape.Name] = ms;
                }
            }

            File.Delete(path);
        }

        var turn = await CommandTurnAsync();
        var vadTail = new VadOptions().MinSilence.TotalMilliseconds;
        Console.WriteLine();
        Console.WriteLine("End of speech → bus action for 空调调到二十二度 (rules), with the base shape:");
        Console.WriteLine($"  VAD end-of-speech wait {vadTail:F0} ms + ASR {asrTimes["base"]:F0} ms + parse/policy/actuate {turn:F1} ms = {vadTail + asrTimes["base"] + turn:F0} ms");
        Console.WriteLine($"  (ASR alone after the VAD has closed the utterance: {asrTimes["base"] + turn:F0} ms)");
    }

    private static async Task<double> CommandTurnAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Language:ModelDirectory"] = Paths.NluModels,
            ["Llm:Engine"] = "Rules",
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCarAssistant().Services.BuildServiceProvider();
        using var conversation = services.GetRequiredService<Conversation>();
        await conversation.HandleAsync("空调调到二十四度");
        return await TimeAsync(20, () => conversation.HandleAsync("空调调到二十二度"));
    }

    /// <summary>Voiced sound with syllable-like bursts between short silences, for timing.</summary>
    private static float[] SyntheticUtterance(double seconds)
    {
        var samples = new float[(int)(seconds * Rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var syllable = Math.Max(0, Math.Sin(2 * Math.PI * 4 * i / Rate));
            samples[i] = (float)(0.3 * syllable * (Math.Sin(2 * Math.PI * 180 * i / Rate) + (0.5 * Math.Sin(2 * Math.PI * 720 * i / Rate))));
        }

        return samples;
    }

    private static double Time(int runs, Action action)
    {
        action();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            action();
        }

        return clock.Elapsed.TotalMilliseconds / runs;
    }

    private static async Task<double> TimeAsync<T>(int runs, Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            await action();
        }

        return clock.Elapsed.TotalMilliseconds / runs;
    }
}
