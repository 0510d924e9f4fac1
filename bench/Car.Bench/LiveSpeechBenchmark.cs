using System.Diagnostics;
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
/// End of speech → transcript and → action, live: spoken commands (espeak-ng) played in real time through the
/// file-backed microphone, Silero VAD, Whisper (base shape, random weights: it decodes to the token cap, so the ASR
/// time is an upper bound; <c>--tokens</c> sets the cap, 20 by default, 8 for the length of a spoken command that a
/// trained model would stop at) and the conversation, quiet and with busy processes competing for the cores. The
/// transcript of random weights is not the command, so the action column adds the rules turn measured on the
/// command's real text. OpenMP's wait policy is the process's (<c>OMP_WAIT_POLICY</c>, else the Asr option).
/// </summary>
internal static class LiveSpeechBenchmark
{
    private static readonly string[] Commands = ["打开主驾车窗", "空调调到二十二度", "有点闷", "关闭天窗", "座椅加热开到二档"];
    private const double Every = 4.0;
    private const double Lead = 1.0;

    public static async Task RunAsync(int count, int busy, int threads, RecognitionMode mode, int maxTokens, LiveSpeechVariant variant)
    {
        var directory = Directory.CreateTempSubdirectory("car-bench-live-").FullName;
        var burners = new List<Process>();
        try
        {
            var model = await BenchWhisperModel.WriteBaseAsync(directory, variant.Weights);
            var (audio, ends) = await CommandsAsync(directory, count);
            var microphoneFile = Path.Combine(directory, "microphone.raw");
            await FileMicrophone.WriteAsync(microphoneFile, audio);
            var settings = new Dictionary<string, string?>
            {
                ["Language:ModelDirectory"] = Paths.NluModels,
                ["Llm:Engine"] = "Rules",
                ["Asr:ModelPath"] = model,
                ["Asr:MaxTokens"] = maxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Asr:Threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (variant.Prompt is { } prompt)
            {
                settings["Asr:Prompt"] = prompt;
            }

            if (variant.SpeculateAfterMs is { } speculateAfter)
            {
                settings["Vad:SpeculateAfter"] = TimeSpan.FromMilliseconds(speculateAfter).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
            }

            if (variant.Nice is { } nice)
            {
                settings["Asr:Nice"] = nice.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (variant.PauseLevel is { } pauseLevel)
            {
                settings["Vad:PauseLevel"] = pauseLevel.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            collection.AddCarAssistant();
            collection.AddCarSpeech();
            await using var services = collection.BuildServiceProvider();
            var conversation = services.GetRequiredService<Conversation>();
            var recognizer = services.GetRequiredService<ISpeechRecognizer>();
            using var detector = services.GetRequiredService<IVoiceActivityDetector>();
            await recognizer.RecognizeAsync(new float[16_000]);
            var turnMs = await RulesTurnAsync(conversation);
            var firstAudioMs = await FirstReplyAudioAsync(conversation);

            for (var i = 0; i < busy; i++)
            {
                burners.Add(Process.Start(new ProcessStartInfo("sh", ["-c", "while :; do :; done"])) ?? throw new InvalidOperationException("sh did not start"));
            }

            var vad = services.GetRequiredService<IOptions<VadOptions>>().Value;
            var live = new LiveUtterances(new SpeechSegmenter(detector, vad));
            var microphone = new FileMicrophone(microphoneFile, TimeSpan.FromSeconds(audio.Length / 16_000.0), realTime: true);
            var judge = services.GetRequiredService<CompleteRequestJudge>();
            double Now() => TimeProvider.System.GetElapsedTime(microphone.Started).TotalSeconds;
            // The oracle judges the words actually spoken (what a trained model would transcribe), to show the early end
            // that random weights cannot reach; the transcript itself is always the engine's.
            Func<Transcript, bool> complete = mode == RecognitionMode.SpeculativeOracle
                ? _ => judge.IsComplete(Commands[Math.Max(0, ends.FindLastIndex(e => e <= Now())) % Commands.Length])
                : judge.IsComplete;
            using var speculation = new SpeculativeRecognition(recognizer, complete);
            var closed = new List<double>();
            var transcribed = new List<double>();
            var guessed = 0;
            var guesses = 0;
            var guessStarts = new List<double>();
            var passes = new List<double>();
            var lastGuessStart = double.NaN;
            var load = SoakBenchmark.LoadAverage();
            var pauseAfter = mode == RecognitionMode.AfterTheEnd ? TimeSpan.Zero : vad.SpeculateAfter;
            await foreach (var heard in live.ListenAsync(microphone.CaptureAsync(), pauseAfter))
            {
                if (heard is { Kind: HeardAudioKind.Paused, Segment: { } paused })
                {
                    speculation.Start(paused, heard.Samples, () => live.EndAfterSilence(paused, vad.CompleteRequestSilence), CancellationToken.None);
                    lastGuessStart = Now();
                    guesses++;
                    continue;
                }

                if (heard is not { Kind: HeardAudioKind.Closed, Segment: { } segment })
                {
                    speculation.Cancel();
                    continue;
                }

                var now = Now();
                var index = ends.FindLastIndex(e => e <= segment.EndTime.TotalSeconds + 0.05);
                var (transcript, fromGuess) = await speculation.TranscriptAsync(segment, heard.Samples, CancellationToken.None);
                if (index < 0)
                {
                    continue;
                }

                guessed += fromGuess ? 1 : 0;
                passes.Add(transcript.Elapsed.TotalMilliseconds);
                if (fromGuess)
                {
                    guessStarts.Add((lastGuessStart - ends[index]) * 1000);
                }

                closed.Add((now - ends[index]) * 1000);
                transcribed.Add((Now() - ends[index]) * 1000);
            }

            var policy = OpenMpPolicy();
            Console.WriteLine($"| {(busy == 0 ? "quiet" : $"{busy} busy processes")} | {Describe(mode)}, ≤ {maxTokens} tokens, {variant} | {policy} | {threads} | {closed.Count}/{count} | {guessed} of {guesses} | " +
                $"{P(guessStarts, 50):F0} | {P(passes, 50):F0} / {P(passes, 95):F0} | " +
                $"{P(closed, 50):F0} / {P(closed, 95):F0} | {P(transcribed, 50):F0} / {P(transcribed, 95):F0} | " +
                $"{P(transcribed, 50) + turnMs:F0} / {P(transcribed, 95) + turnMs:F0} | " +
                $"{P(transcribed, 50) + turnMs + firstAudioMs:F0} / {P(transcribed, 95) + turnMs + firstAudioMs:F0} | {load} |");
        }
        finally
        {
            foreach (var burner in burners)
            {
                burner.Kill();
                burner.Dispose();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    public static void PrintHeader()
    {
        Console.WriteLine("| load | recognition | OpenMP wait | threads | utterances | from the guess (of guesses started) | end of speech → guess starts p50 ms | recognition pass p50 / p95 ms | "
            + "end of speech → closed p50 / p95 ms | → transcript p50 / p95 ms | → action p50 / p95 ms | → first reply audio p50 / p95 ms | load average |");
        Console.WriteLine("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
    }

    private static string Describe(RecognitionMode mode) => mode switch
    {
        RecognitionMode.AfterTheEnd => "after the end",
        RecognitionMode.Speculative => "speculative",
        _ => "speculative, oracle judge",
    };

    /// <summary>From the action to the first bytes of the spoken reply from espeak-ng (median of the commands' replies).</summary>
    private static async Task<double> FirstReplyAudioAsync(Conversation conversation)
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var times = new List<double>();
        foreach (var command in Commands)
        {
            var reply = (await conversation.HandleAsync(command)).Reply;
            await using var audio = new FirstWriteStream();
            await speaker.SynthesizeAsync(reply, audio);
            times.Add(audio.FirstWrite!.Value.TotalMilliseconds);
        }

        return P(times, 50);
    }

    private static string OpenMpPolicy() => Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "PASSIVE (default)";

    private static double P(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static async Task<double> RulesTurnAsync(Conversation conversation)
    {
        await conversation.HandleAsync("空调调到二十四度");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            await conversation.HandleAsync(i % 2 == 0 ? "空调调到二十二度" : "空调调到二十三度");
        }

        return clock.Elapsed.TotalMilliseconds / 10;
    }

    /// <summary>The commands one after another, each <see cref="Every"/> s apart in light noise; and where each one's speech ends (s).</summary>
    private static async Task<(float[] Audio, List<double> Ends)> CommandsAsync(string directory, int count)
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var clips = new List<float[]>();
        foreach (var (command, i) in Commands.Select((c, i) => (c, i)))
        {
            var wav = Path.Combine(directory, $"command-{i}.wav");
            await speaker.WriteWavAsync(command, wav);
            clips.Add((await WavReader.ReadSpeechAsync(wav)).Samples);
        }

        var audio = new float[(int)(((count * Every) + Lead + 2) * 16_000)];
        var noise = new Random(11);
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = (float)((noise.NextDouble() - 0.5) * 0.006);
        }

        var ends = new List<double>();
        for (var c = 0; c < count; c++)
        {
            var clip = clips[c % clips.Count];
            var at = (int)((Lead + (c * Every)) * 16_000);
            var last = 0;
            for (var i = 0; i < clip.Length; i++)
            {
                audio[at + i] += clip[i] * 0.5f;
                if (Math.Abs(clip[i]) > 0.02)
                {
                    last = i;
                }
            }

            ends.Add((at + last) / 16_000.0);
        }

        return (audio, ends);
    }
}
