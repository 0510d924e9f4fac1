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
/// Does the adaptive end of speech cut commands in two? Multi-clause commands written here (espeak-ng, each clause
/// trimmed to its speech) are said with a pause of a set length between clauses, played through the file-backed
/// microphone and Silero VAD, and each command's utterances are counted under the fixed tail and under the adaptive
/// end. Whisper here has random weights, so its transcript is never the words said and its own judge almost never
/// finds a complete request: the adaptive end is judged by the oracle (the rules judge on the words said so far),
/// which is its worst case for splitting. Asked at the pause itself it is the worst case of all (a recogniser that
/// takes no time); asked once Whisper (base shape) has recognised the pause's audio, in real time, it is what a
/// recogniser as slow as this machine's allows.
/// </summary>
internal static class SplitBenchmark
{
    private const double Lead = 1.0;
    private const double Gap = 2.5;

    /// <summary>Commands a driver says in clauses; most first clauses are whole requests by themselves, a few are not.</summary>
    private static readonly MultiClauseCommand[] Commands =
    [
        new("打开车窗", "空调调到二十二度"),
        new("导航到公司", "走不堵的路"),
        new("关闭天窗", "打开座椅加热"),
        new("打开主驾车窗", "开一半"),
        new("空调调到二十二度", "风量调大一点"),
        new("播放周杰伦的歌", "音量调小一点"),
        new("打开阅读灯", "关闭氛围灯"),
        new("有点闷", "把天窗打开"),
        new("打开空调", "温度调到二十四度"),
        new("打电话给张三", "用免提"),
        new("副驾车窗开一半", "空调调到二十二度"),
        new("座椅加热开到二档", "关闭车窗"),
        new("关闭空调", "打开外循环"),
        new("导航去最近的加油站", "避开高速"),
        new("音量调大", "下一首"),
        new("打开前除雾", "打开后除雾"),
        new("把温度调低一点", "风量调小"),
        new("我有点冷", "把空调调到二十六度"),
        new("打开天窗", "开一半"),
        new("打开主驾车窗", "关闭天窗", "打开座椅加热"),
        new("空调调到二十三度", "打开内循环", "风量调到三档"),
        new("导航到", "西湖"),
        new("把空调", "调到二十二度"),
        new("播放", "周杰伦的稻香"),
    ];

    public static async Task RunAsync(IReadOnlyList<int> pausesMs, bool realTime, bool whisper, int? completeSilenceMs)
    {
        var directory = Directory.CreateTempSubdirectory("car-bench-split-").FullName;
        try
        {
            // Without Whisper the setting names a file that is never written: the oracle alone judges.
            var model = whisper ? await BenchWhisperModel.WriteBaseAsync(directory) : Path.Combine(directory, "whisper-base.bin");

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Language:ModelDirectory"] = Paths.NluModels,
                ["Llm:Engine"] = "Rules",
                ["Asr:ModelPath"] = whisper ? model : string.Empty,
                ["Asr:MaxTokens"] = "20",
                ["Asr:Threads"] = "2",
            }).AddInMemoryCollection(completeSilenceMs is { } ms
                ? new Dictionary<string, string?> { ["Vad:CompleteRequestSilence"] = TimeSpan.FromMilliseconds(ms).ToString() }
                : []).Build();
            var collection = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            collection.AddCarAssistant();
            collection.AddCarSpeech();
            await using var services = collection.BuildServiceProvider();
            var vad = services.GetRequiredService<IOptions<VadOptions>>().Value;
            var judge = services.GetRequiredService<CompleteRequestJudge>();
            var clips = await ClipsAsync(directory);
            if (whisper)
            {
                await services.GetRequiredService<ISpeechRecognizer>().RecognizeAsync(new float[16_000]);
            }

            var firstComplete = Commands.Count(c => judge.IsComplete(c.Clauses[0]));
            Console.WriteLine($"{Commands.Length} commands of 2–3 clauses (espeak-ng), {firstComplete} whose first clause is a complete request by the rules; "
                + $"fixed tail Vad:MinSilence {vad.MinSilence.TotalMilliseconds:F0} ms, adaptive end Vad:CompleteRequestSilence {vad.CompleteRequestSilence.TotalMilliseconds:F0} ms "
                + $"after Vad:SpeculateAfter {vad.SpeculateAfter.TotalMilliseconds:F0} ms; load average {SoakBenchmark.LoadAverage()}");
            Console.WriteLine("The adaptive end is judged by the oracle (the rules on the words said so far, as a trained Whisper would hear them): "
                + "Whisper's random weights never transcribe the words, so this is the adaptive end's worst case for splitting, not its engine's output.");
            Console.WriteLine();
            Console.WriteLine("| pause between clauses | end of speech | commands split | utterances per command | of them continuing an early end | commands split, continuations joined | commands missed | played |");
            Console.WriteLine("|--:|---|--:|--:|--:|--:|--:|---|");
            foreach (var pause in pausesMs)
            {
                var (audio, starts, clauseEnds) = Say(clips, pause / 1000.0);
                var file = Path.Combine(directory, $"pause-{pause}.raw");
                await FileMicrophone.WriteAsync(file, audio);
                foreach (var mode in whisper ? Enum.GetValues<EndOfSpeechMode>() : [EndOfSpeechMode.FixedTail, EndOfSpeechMode.AdaptiveAtOnce])
                {
                    var paced = realTime || mode == EndOfSpeechMode.AdaptiveAfterWhisper;
                    var (counts, continuing) = await CountAsync(services, vad, judge, file, audio.Length, starts, clauseEnds, mode, paced);
                    var joined = counts.Zip(continuing, (n, c) => n - c).ToList();
                    Console.WriteLine($"| {pause} ms | {Describe(mode)} | {counts.Count(n => n > 1)}/{Commands.Length} | {counts.Average():F2} | {continuing.Sum()} | "
                        + $"{joined.Count(n => n > 1)}/{Commands.Length} | {counts.Count(n => n == 0)} | {(paced ? "real time" : "as fast as read (the result depends on samples only)")} |");
                }
            }

            Console.WriteLine();
            await CompareTurnsAsync();
            Console.WriteLine();
            Console.WriteLine($"load average {SoakBenchmark.LoadAverage()}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// What a split costs the driver: each command as one turn on one simulated car, and as one turn for its first
    /// clause then one for the rest (as an adaptive end that closed after the first clause hears it) on another,
    /// both fresh; the bus actions (the last value each signal was set to) compared, typed text only.
    /// </summary>
    private static async Task CompareTurnsAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Language:ModelDirectory"] = Paths.NluModels,
            ["Llm:Engine"] = "Rules",
            ["Simulator:WindowTravelTime"] = "00:00:00.100",
            ["Simulator:SunroofTravelTime"] = "00:00:00.100",
        };
        ServiceProvider Car()
        {
            var collection = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddLogging();
            collection.AddCarAssistant();
            return collection.BuildServiceProvider();
        }

        foreach (var joined in new[] { false, true })
        {
            var same = 0;
            var differences = new List<string>();
            foreach (var command in Commands)
            {
                // Two fresh cars a command, so that what an earlier command left on does not hide an action.
                await using var wholeCar = Car();
                await using var splitCar = Car();
                using var whole = wholeCar.GetRequiredService<Conversation>();
                using var split = splitCar.GetRequiredService<Conversation>();
                var one = Actions(await whole.HandleAsync(command.SaidThrough(command.Clauses.Length - 1)));
                var rest = string.Concat(command.Clauses.Skip(1));
                var two = Actions(await split.HandleAsync(command.Clauses[0]))
                    .Concat(Actions(await split.ContinueAsync(joined ? command.Clauses[0] : null, rest, acknowledge: null))).ToList();
                if (Final(one).SequenceEqual(Final(two)))
                {
                    same++;
                }
                else
                {
                    differences.Add($"- {command}: as one turn {string.Join(", ", Final(one))}; split {string.Join(", ", Final(two))}");
                }
            }

            Console.WriteLine($"Split after the first clause, the rest {(joined ? "continuing it (Conversation.ContinueAsync)" : "a turn of its own")}: "
                + $"{same}/{Commands.Length} commands end with the same bus actions as said in one turn; these differ:");
            foreach (var difference in differences)
            {
                Console.WriteLine(difference);
            }
        }

        static List<string> Actions(TurnReport report) => [.. report.Actions.Select(a => $"{a.Signal.Replace("Vehicle.", string.Empty, StringComparison.Ordinal)}={a.Value}")];

        // The last value each signal was set to.
        static List<string> Final(List<string> actions) =>
            [.. actions.GroupBy(a => a[..a.IndexOf('=', StringComparison.Ordinal)]).Select(g => g.Last()).Order(StringComparer.Ordinal)];
    }

    /// <summary>How many utterances each command was cut into, and how many of them continue an early end (<see cref="HeardAudio.Continues"/>).</summary>
    private static async Task<(int[] Counts, int[] Continuing)> CountAsync(
        IServiceProvider services, VadOptions vad, CompleteRequestJudge judge, string file, int samples,
        List<double> starts, List<List<double>> clauseEnds, EndOfSpeechMode mode, bool realTime)
    {
        using var detector = services.GetRequiredService<IVoiceActivityDetector>();
        var live = new LiveUtterances(new SpeechSegmenter(detector, vad));
        var microphone = new FileMicrophone(file, TimeSpan.FromSeconds(samples / 16_000.0), realTime);
        SpeechSegment? pausedNow = null;

        // The words said by the pause: the clauses of its command that ended before it (a pause inside a clause
        // has only part of it, never complete).
        bool Oracle(SpeechSegment paused)
        {
            var command = starts.FindLastIndex(s => s <= paused.StartTime.TotalSeconds + 0.5);
            if (command < 0)
            {
                return false;
            }

            var last = clauseEnds[command].FindLastIndex(e => e <= paused.EndTime.TotalSeconds + 0.15);
            return last >= 0 && judge.IsComplete(Commands[command].SaidThrough(last));
        }

        using var speculation = mode == EndOfSpeechMode.AdaptiveAfterWhisper
            ? new SpeculativeRecognition(services.GetRequiredService<ISpeechRecognizer>(), _ => pausedNow is { } p && Oracle(p))
            : null;
        var counts = new int[Commands.Length];
        var continuing = new int[Commands.Length];
        var pauseAfter = mode == EndOfSpeechMode.FixedTail ? TimeSpan.Zero : vad.SpeculateAfter;
        await foreach (var heard in live.ListenAsync(microphone.CaptureAsync(), pauseAfter))
        {
            if (heard is { Kind: HeardAudioKind.Paused, Segment: { } paused })
            {
                pausedNow = paused;
                if (speculation is not null)
                {
                    speculation.Start(paused, heard.Samples, () => live.EndAfterSilence(paused, vad.CompleteRequestSilence), CancellationToken.None);
                }
                else if (Oracle(paused))
                {
                    live.EndAfterSilence(paused, vad.CompleteRequestSilence);
                }

                continue;
            }

            if (heard is not { Kind: HeardAudioKind.Closed, Segment: { } segment })
            {
                speculation?.Cancel();
                continue;
            }

            if (speculation is not null)
            {
                await speculation.TranscriptAsync(segment, heard.Samples, CancellationToken.None);
            }

            var index = starts.FindLastIndex(s => s <= segment.StartTime.TotalSeconds + 0.5);
            if (index >= 0)
            {
                counts[index]++;
                continuing[index] += heard.Continues ? 1 : 0;
            }
        }

        return (counts, continuing);
    }

    private static string Describe(EndOfSpeechMode mode) => mode switch
    {
        EndOfSpeechMode.FixedTail => "fixed tail (adaptive end off)",
        EndOfSpeechMode.AdaptiveAtOnce => "adaptive, oracle judge at the pause (worst case)",
        _ => "adaptive, oracle judge after Whisper base",
    };

    /// <summary>Each clause synthesized once and trimmed to its speech, so that the pause between clauses is the one inserted.</summary>
    private static async Task<Dictionary<string, float[]>> ClipsAsync(string directory)
    {
        var speaker = new EspeakSpeaker(Options.Create(new SpeechOutputOptions()));
        var clips = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var clause in Commands.SelectMany(c => c.Clauses).Distinct())
        {
            var wav = Path.Combine(directory, $"clause-{clips.Count}.wav");
            await speaker.WriteWavAsync(clause, wav);
            var samples = (await WavReader.ReadSpeechAsync(wav)).Samples;
            var first = Array.FindIndex(samples, s => Math.Abs(s) > 0.02);
            var last = Array.FindLastIndex(samples, s => Math.Abs(s) > 0.02);
            clips[clause] = first < 0 ? samples : samples[first..(last + 1)];
        }

        return clips;
    }

    /// <summary>Every command in light noise, <see cref="Gap"/> s apart, its clauses <paramref name="pause"/> s apart; where each starts and each clause ends (s).</summary>
    private static (float[] Audio, List<double> Starts, List<List<double>> ClauseEnds) Say(Dictionary<string, float[]> clips, double pause)
    {
        var length = Lead + Commands.Sum(c => c.Clauses.Sum(clause => clips[clause].Length / 16_000.0) + ((c.Clauses.Length - 1) * pause) + Gap);
        var audio = new float[(int)(length * 16_000)];
        var noise = new Random(11);
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = (float)((noise.NextDouble() - 0.5) * 0.006);
        }

        var starts = new List<double>();
        var clauseEnds = new List<List<double>>();
        var at = (int)(Lead * 16_000);
        foreach (var command in Commands)
        {
            starts.Add(at / 16_000.0);
            var ends = new List<double>();
            foreach (var (clause, i) in command.Clauses.Select((c, i) => (c, i)))
            {
                at += i == 0 ? 0 : (int)(pause * 16_000);
                var clip = clips[clause];
                for (var s = 0; s < clip.Length; s++)
                {
                    audio[at + s] += clip[s] * 0.5f;
                }

                at += clip.Length;
                ends.Add(at / 16_000.0);
            }

            clauseEnds.Add(ends);
            at += (int)(Gap * 16_000);
        }

        return (audio, starts, clauseEnds);
    }
}
