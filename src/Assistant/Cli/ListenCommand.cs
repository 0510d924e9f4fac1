using System.CommandLine;
using System.Diagnostics;
using Car.Assistant.Dialogue;
using Car.Assistant.Speech.Audio;
using Car.Assistant.Speech.Whisper;
using Car.Assistant.Speech.Vad;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car listen --wav FILE [--asr-model FILE]</c>: the speech path stage by stage with timings: audio, voice
/// activity, Whisper, then each confident transcript through parse, policy and the simulated car. Without an ASR
/// model it says so after the voice activity stage.
/// </summary>
public static class ListenCommand
{
    /// <summary>Words that tell the decoder what drivers say (Whisper's initial prompt).</summary>
    public const string CarVocabulary = "车窗 天窗 空调 温度 风量 内循环 座椅加热 座椅通风 导航 音量 打开 关闭 调到 度";

    private const double MinConfidence = 0.4;
    private const int MaxTokensPerUtterance = 48;

    public static Command Create(Func<System.CommandLine.ParseResult, CancellationToken, Task<IHost>> startHost)
    {
        var wav = new Option<FileInfo>("--wav") { Description = "A WAV recording (any PCM or float format, any rate).", Required = true };
        var asrModel = new Option<FileInfo>("--asr-model") { Description = "A whisper.cpp model (e.g. from `car models write-test`); without it the command stops after VAD." };
        var command = new Command("listen", "Run a recording through the speech stages: audio, voice activity, ASR, parse, policy.") { wav, asrModel };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            var file = result.GetValue(wav)!;
            var clock = Stopwatch.StartNew();
            AudioClip audio;
            try
            {
                audio = await WavReader.ReadSpeechAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AudioFormatException or IOException)
            {
                await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            await Console.Out.WriteLineAsync($"audio:  {file.Name}, {audio.Duration.TotalSeconds:F2} s at 16 kHz mono ({clock.ElapsedMilliseconds} ms)").ConfigureAwait(false);

            clock.Restart();
            using var detector = host.Services.GetRequiredService<IVoiceActivityDetector>();
            var segmenter = new SpeechSegmenter(detector, host.Services.GetRequiredService<IOptions<VadOptions>>().Value);
            var segments = segmenter.Push(audio.Samples).ToList();
            if (segmenter.Flush() is { } last)
            {
                segments.Add(last);
            }

            await Console.Out.WriteLineAsync($"vad:    {detector.Name}, {segments.Count} utterance(s) ({clock.ElapsedMilliseconds} ms)").ConfigureAwait(false);
            foreach (var segment in segments)
            {
                await Console.Out.WriteLineAsync($"        {segment.StartTime.TotalSeconds:F2}–{segment.EndTime.TotalSeconds:F2} s").ConfigureAwait(false);
            }

            if (segments.Count == 0)
            {
                await Console.Out.WriteLineAsync("        no speech found: nothing to recognise").ConfigureAwait(false);
                return 0;
            }

            if (result.GetValue(asrModel) is not { } modelFile)
            {
                await Console.Out.WriteLineAsync("asr:    no ASR model (--asr-model FILE); stopping after VAD").ConfigureAwait(false);
                return 0;
            }

            using var whisper = WhisperFactory.FromPath(modelFile.FullName);
            using var processor = whisper.CreateBuilder().WithLanguage("zh").WithPrompt(CarVocabulary).WithThreads(2)
                .WithMaxTokens(MaxTokensPerUtterance).WithoutTemperatureFallback().Build();
            using var conversation = host.Services.GetRequiredService<Conversation>();
            foreach (var segment in segments)
            {
                var samples = audio.Samples[(int)segment.Start..(int)segment.End];
                var transcript = await processor.ProcessAsync(samples, cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"asr:    \"{transcript.Text}\" confidence {transcript.Confidence:F2}, {transcript.Tokens} tokens ({transcript.Elapsed.TotalMilliseconds:F0} ms)").ConfigureAwait(false);
                if (transcript.Confidence < MinConfidence || transcript.Text.Length == 0)
                {
                    await Console.Out.WriteLineAsync("ask:    没听清，请再说一遍 (confidence too low to act on)").ConfigureAwait(false);
                    continue;
                }

                clock.Restart();
                var report = await conversation.HandleAsync(transcript.Text, cancellationToken).ConfigureAwait(false);
                TurnPrinter.Print(Console.Out, report, json: false);
                await Console.Out.WriteLineAsync($"        parse → policy → bus: {clock.ElapsedMilliseconds} ms").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
