using System.Diagnostics;
using System.Text.Json;
using Car.Assistant.Dialogue;
using Car.Assistant.Hosting;
using Car.Assistant.Telemetry;
using Car.Speech;
using Car.Speech.Audio;
using Car.Speech.Vad;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Dashboard;

/// <summary>
/// The dashboard's one session with the driver: typed utterances go through the same <see cref="Conversation"/>
/// the console uses (follow-ups work across requests); a WAV goes through voice activity, then the
/// <see cref="VoiceTurn"/> that <c>car listen</c> uses.
/// </summary>
public sealed class DashboardSession : IDisposable
{
    /// <summary>The one line a WAV turn answers when no Whisper model is configured.</summary>
    public const string NoRecognizer = "WAV turns need speech recognition: ";

    private readonly Conversation _conversation;
    private readonly VoiceTurn _voice;
    private readonly ISpeechRecognizer _recognizer;
    private readonly IServiceProvider _services;
    private readonly VadOptions _vad;

    public DashboardSession(Conversation conversation, ISpeechRecognizer recognizer, IServiceProvider services, IOptions<VadOptions> vad)
    {
        ArgumentNullException.ThrowIfNull(vad);
        _conversation = conversation;
        _recognizer = recognizer;
        _voice = new VoiceTurn(recognizer, conversation);
        _services = services;
        _vad = vad.Value;
    }

    /// <summary>One typed utterance; the answer is the turn report of <c>car say --json</c>.</summary>
    public async Task<TurnAnswer> TextAsync(string text, CancellationToken cancellationToken)
    {
        var report = await _conversation.HandleAsync(text, cancellationToken).ConfigureAwait(false);
        return new TurnAnswer(StatusCodes.Status200OK, TurnReportJson.Write(report));
    }

    /// <summary>
    /// One recording: read (any WAV <see cref="WavReader"/> takes), voice activity, then the speech from the first
    /// utterance's start to the last one's end as one turn.
    /// </summary>
    public async Task<TurnAnswer> WavAsync(byte[] wav, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wav);
        AudioClip audio;
        try
        {
            audio = WavReader.ToSpeechRate(WavReader.Read(wav, "the uploaded WAV"));
        }
        catch (AudioFormatException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }

        using var turn = TurnTelemetry.StartTurn(string.Empty);
        turn?.SetTag("car.input", "wav");
        List<SpeechSegment> segments;
        using (var stage = _conversation.Telemetry.Stage(TurnStages.Vad))
        {
            using var detector = _services.GetRequiredService<IVoiceActivityDetector>();
            var segmenter = new SpeechSegmenter(detector, _vad);
            segments = [.. segmenter.Push(audio.Samples)];
            if (segmenter.Flush() is { } last)
            {
                segments.Add(last);
            }

            stage.Tag("car.vad.detector", detector.Name)
                .Tag("car.vad.audio_s", Math.Round(audio.Duration.TotalSeconds, 2))
                .Tag("car.vad.utterances", segments.Count);
        }

        if (segments.Count == 0)
        {
            return Failed(turn, StatusCodes.Status422UnprocessableEntity, "no speech found in the recording");
        }

        if (_recognizer.Unavailable is { } why)
        {
            return Failed(turn, StatusCodes.Status503ServiceUnavailable, NoRecognizer + why);
        }

        var speech = audio.Samples[(int)segments[0].Start..(int)Math.Min(segments[^1].End, audio.Samples.Length)];
        var heard = await _voice.HandleAsync(speech, cancellationToken).ConfigureAwait(false);
        if (heard.Report is { } report)
        {
            return new TurnAnswer(StatusCodes.Status200OK, TurnReportJson.Write(report));
        }

        return new TurnAnswer(StatusCodes.Status200OK, JsonSerializer.Serialize(
            new Dictionary<string, object?>
            {
                ["text"] = heard.Transcript?.Text ?? string.Empty,
                ["confidence"] = Math.Round(heard.Transcript?.Confidence ?? 0, 2),
                ["ask"] = heard.Ask,
            },
            CarJsonContext.Readable.DictionaryStringObject));
    }

    public void Dispose() => _conversation.Dispose();

    /// <summary>An answer <c>{"error": message}</c>.</summary>
    public static TurnAnswer Error(int status, string message) =>
        new(status, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }, CarJsonContext.Readable.DictionaryStringString));

    private static TurnAnswer Failed(Activity? turn, int status, string message)
    {
        turn?.SetStatus(ActivityStatusCode.Error, message);
        turn?.SetTag("car.reply", message);
        return Error(status, message);
    }
}
