using System.CommandLine;
using System.Diagnostics;
using Car.Assistant.Speech.Audio;
using Car.Assistant.Speech.Vad;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car listen --wav FILE</c>: the speech path stage by stage with timings. This version reads and resamples the
/// audio and finds the utterances; speech recognition (Whisper) is not built in yet, and the command says so
/// after the voice activity stage.
/// </summary>
public static class ListenCommand
{
    public static Command Create(Func<System.CommandLine.ParseResult, CancellationToken, Task<IHost>> startHost)
    {
        var wav = new Option<FileInfo>("--wav") { Description = "A WAV recording (any PCM or float format, any rate).", Required = true };
        var command = new Command("listen", "Run a recording through the speech stages: audio, voice activity, (ASR), parse, policy.") { wav };
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

            await Console.Out.WriteLineAsync("asr:    no speech recogniser in this version yet (Whisper is the next step); stopping after VAD").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
