using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Car.Assistant.Dialogue;
using Car.Assistant.Hosting;
using Car.Speech;
using Car.Speech.Audio;
using Car.Speech.Capture;
using Car.Speech.Vad;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car listen [--wav FILE] [--asr-model FILE]</c>: the speech path stage by stage with timings: audio (a file, or
/// the microphone through ALSA), voice activity, Whisper, then each confident transcript through parse, policy and
/// the simulated car. Without an ASR model it says so after the voice activity stage.
/// </summary>
public static class ListenCommand
{
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> startHost, Option<bool> json)
    {
        var wav = new Option<FileInfo>("--wav") { Description = "A WAV recording (any PCM or float format, any rate); without it: the microphone." };
        var device = new Option<string>("--device") { Description = "The ALSA capture device (default: Capture:Device)." };
        var seconds = new Option<double?>("--seconds")
        {
            Description = "Stop listening to the microphone after this long (default: until Ctrl+C).",
            CustomParser = result => double.TryParse(result.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : Invalid(result, $"--seconds takes a positive number of seconds, not '{result.Tokens[0].Value}'."),
        };
        var command = new Command("listen", "Run speech through the stages: audio, voice activity, ASR, parse, policy (--asr-model FILE).") { wav, device, seconds };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            using var conversation = host.Services.GetRequiredService<Conversation>();
            var stages = new Stages(new VoiceTurn(host.Services.GetRequiredService<ISpeechRecognizer>(), conversation), result.GetValue(json));
            return result.GetValue(wav) is { } file
                ? await FromFileAsync(host, file, stages, cancellationToken).ConfigureAwait(false)
                : await FromMicrophoneAsync(host, result.GetValue(device), result.GetValue(seconds), stages, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> FromFileAsync(IHost host, FileInfo file, Stages stages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        AudioClip recorded;
        try
        {
            recorded = await WavReader.ReadFileAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AudioFormatException or IOException)
        {
            await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Configuration;
        }

        var audio = WavReader.ToSpeechRate(recorded);
        var rate = recorded.SampleRate == AudioClip.SpeechRate ? "16 kHz" : $"{recorded.SampleRate} Hz, resampled to 16 kHz";
        await stages.Log.WriteLineAsync($"audio:  {file.Name}, {audio.Duration.TotalSeconds:F2} s at {rate} mono ({clock.ElapsedMilliseconds} ms)").ConfigureAwait(false);
        clock.Restart();
        using var detector = host.Services.GetRequiredService<IVoiceActivityDetector>();
        var segmenter = new SpeechSegmenter(detector, host.Services.GetRequiredService<IOptions<VadOptions>>().Value);
        var segments = segmenter.Push(audio.Samples).ToList();
        if (segmenter.Flush() is { } last)
        {
            segments.Add(last);
        }

        await stages.Log.WriteLineAsync($"vad:    {detector.Name}, {segments.Count} utterance(s) ({clock.ElapsedMilliseconds} ms)").ConfigureAwait(false);
        if (segments.Count == 0)
        {
            await stages.Log.WriteLineAsync("        no speech found: nothing to recognise").ConfigureAwait(false);
            return 0;
        }

        foreach (var segment in segments)
        {
            await stages.UtteranceAsync(segment, audio.Samples[(int)segment.Start..(int)segment.End], cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> FromMicrophoneAsync(IHost host, string? device, double? seconds, Stages stages, CancellationToken cancellationToken)
    {
        var configured = host.Services.GetRequiredService<IOptions<CaptureOptions>>().Value;
        var capture = device is null
            ? host.Services.GetRequiredService<IAudioCapture>()
            : new AlsaCapture(Options.Create(new CaptureOptions { Device = device, Program = configured.Program }));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (seconds is { } duration)
        {
            limit.CancelAfter(TimeSpan.FromSeconds(duration));
        }

        using var detector = host.Services.GetRequiredService<IVoiceActivityDetector>();
        var segmenter = new SpeechSegmenter(detector, host.Services.GetRequiredService<IOptions<VadOptions>>().Value);
        await stages.Log.WriteLineAsync($"audio:  listening ({device ?? "Capture:Device"}), vad: {detector.Name}").ConfigureAwait(false);
        try
        {
            await foreach (var (segment, samples) in LiveUtterances.ReadAsync(capture.CaptureAsync(limit.Token), segmenter, limit.Token).ConfigureAwait(false))
            {
                await stages.UtteranceAsync(segment, samples, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // --seconds reached.
        }
        catch (IOException e)
        {
            // No sound device or no arecord: one line (ALSA's own dump is summarised), exit 3.
            await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
            return ExitCodes.MissingEngine;
        }

        return 0;
    }

    private static double? Invalid(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

    /// <summary>Prints each stage of an utterance the pipeline handled.</summary>
    private sealed class Stages(VoiceTurn turn, bool json)
    {
        /// <summary>Where the stage lines go: stdout, or stderr with --json so that stdout carries only JSON lines.</summary>
        public TextWriter Log { get; } = json ? Console.Error : Console.Out;

        public async Task UtteranceAsync(SpeechSegment segment, float[] samples, CancellationToken cancellationToken)
        {
            await Log.WriteLineAsync($"vad:    utterance {segment.StartTime.TotalSeconds:F2}–{segment.EndTime.TotalSeconds:F2} s").ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var heard = await turn.HandleAsync(samples, cancellationToken).ConfigureAwait(false);
            if (heard.Transcript is not { } transcript)
            {
                await Log.WriteLineAsync("asr:    no ASR model (--asr-model FILE); stopping after VAD").ConfigureAwait(false);
                return;
            }

            await Log.WriteLineAsync($"asr:    \"{transcript.Text}\" confidence {transcript.Confidence:F2}, {transcript.Tokens} tokens ({transcript.Elapsed.TotalMilliseconds:F0} ms)").ConfigureAwait(false);
            if (heard.Report is not { } report)
            {
                await (json
                    ? Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                        new Dictionary<string, object?> { ["transcript"] = transcript.Text, ["confidence"] = Math.Round(transcript.Confidence, 2), ["ask"] = heard.Ask }, CarJsonContext.Readable.DictionaryStringObject))
                    : Log.WriteLineAsync($"ask:    {heard.Ask} (confidence too low to act on)")).ConfigureAwait(false);
                return;
            }

            TurnPrinter.Print(Console.Out, report, json);
            await Log.WriteLineAsync($"        ASR → parse → policy → bus: {clock.ElapsedMilliseconds} ms").ConfigureAwait(false);
        }
    }
}
