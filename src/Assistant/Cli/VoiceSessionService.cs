using Car.Assistant.Dialogue;
using Car.Assistant.Policy.Safety;
using Car.Speech.Capture;
using Car.Speech.Output;
using Car.Speech.Vad;
using Car.Speech.Whisper;
using Car.Speech;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Cli;

/// <summary>
/// The assistant always listening: the microphone (ALSA), voice activity detection, Whisper, the conversation and
/// the bus, with replies spoken through espeak-ng (printed too, and only printed when espeak-ng is missing). With
/// <c>Capture:Mode=PushToTalk</c> it listens only after Space or Enter (or, under <c>car serve --listen</c>, the
/// dashboard's talk button), until the key again, the button's release or the end of the utterance.
/// </summary>
public sealed partial class VoiceSessionService(
    IAudioCapture capture,
    IVoiceActivityDetector detector,
    IOptions<VadOptions> vad,
    IOptions<CaptureOptions> captureOptions,
    TalkButton talk,
    IServiceProvider services,
    Conversation conversation,
    ISpeaker speaker,
    SafetyAnnouncements announcements,
    IHostApplicationLifetime lifetime,
    SessionResult session,
    ILogger<VoiceSessionService> logger) : BackgroundService
{
    private bool _speakingFailed;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the host reports it has started: the dashboard's /api/talk knows the mode from its first request.
        talk.Listening(captureOptions.Value.Mode);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        void Announce(string text) => _ = AnnounceAsync(text, stoppingToken);
        announcements.Announced += Announce;
        try
        {
            // Resolved here, not injected: a bad model file stops this session with one line instead of the host's start.
            var turn = new VoiceTurn(services.GetRequiredService<ISpeechRecognizer>(), conversation);
            if (!turn.CanRecognise)
            {
                Log.NoRecogniser(logger);
            }

            if (!speaker.IsAvailable)
            {
                Log.Silent(logger, speaker.Unavailable ?? "no speaker");
            }

            var options = vad.Value;
            var segmenter = new SpeechSegmenter(detector, options);
            var button = PushToTalkButton(stoppingToken);
            var live = new LiveUtterances(segmenter, button);
            var judge = services.GetRequiredService<CompleteRequestJudge>();
            using var speculation = new SpeculativeRecognition(services.GetRequiredService<ISpeechRecognizer>(), judge.IsComplete);
            var pauseAfter = turn.CanRecognise ? options.SpeculateAfter : TimeSpan.Zero;
            string? said = null;
            await foreach (var heard in live.ListenAsync(capture.CaptureAsync(stoppingToken), pauseAfter, stoppingToken).ConfigureAwait(false))
            {
                if (heard is { Kind: HeardAudioKind.Paused, Segment: { } paused })
                {
                    // Recognise what was said so far; a complete request ends the utterance at a shorter pause.
                    speculation.Start(paused, heard.Samples, () => live.EndAfterSilence(paused, options.CompleteRequestSilence), stoppingToken);
                    continue;
                }

                if (heard is not { Kind: HeardAudioKind.Closed, Segment: { } segment })
                {
                    speculation.Cancel();
                    continue;
                }

                // The short reply is said as soon as the car accepts the request; the outcome follows only if it differs.
                Task acknowledged = Task.CompletedTask;
                void Acknowledge(string text) => acknowledged = AcknowledgeAsync(text, stoppingToken);
                // Speech that resumed soon after an early end continues that utterance (打开主驾车窗 … 开一半).
                var result = turn.CanRecognise
                    ? await turn.HandleAsync((await speculation.TranscriptAsync(segment, heard.Samples, stoppingToken).ConfigureAwait(false)).Transcript,
                        Acknowledge, heard.Continues ? said : null, stoppingToken).ConfigureAwait(false)
                    : await turn.HandleAsync(heard.Samples, Acknowledge, stoppingToken).ConfigureAwait(false);
                said = result.Transcript?.Text;
                await acknowledged.ConfigureAwait(false);
                await AnswerAsync(result, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception e) when (e is IOException or WhisperException)
        {
            // No sound device (exit 3), or a model that cannot be used (exit 2 when the file is wrong, 3 when the
            // engine is missing): one line on stderr, no log record.
            session.Fail(e is IOException || !WhisperFactory.IsAvailable ? ExitCodes.MissingEngine : ExitCodes.Configuration);
            await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
        }
        finally
        {
            announcements.Announced -= Announce;
            talk.Listening(null);
            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// With <c>Capture:Mode=PushToTalk</c>, the process's one talk button, which Space or Enter works as well as the
    /// dashboard; null when always listening.
    /// </summary>
    private PushToTalk? PushToTalkButton(CancellationToken stoppingToken)
    {
        if (captureOptions.Value.Mode != ListeningMode.PushToTalk)
        {
            return null;
        }

        var button = talk.Button;
        button.Changed += held => Console.Out.WriteLine(held ? "  [听…]" : "  [停]");
        _ = TalkKeys.ReadConsoleAsync(button, stoppingToken);
        Console.Out.WriteLine("按空格或回车开始说话，再按一次结束。");
        return button;
    }

    /// <summary>What the safety supervisor did on its own: printed and, when a speaker works, said.</summary>
    private async Task AnnounceAsync(string text, CancellationToken cancellationToken)
    {
        await Console.Out.WriteLineAsync($"  safety:  {text}").ConfigureAwait(false);
        if (speaker.IsAvailable && !_speakingFailed)
        {
            try
            {
                await speaker.SpeakAsync(text, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                Log.Silent(logger, e.Message);
            }
        }
    }

    private async Task AcknowledgeAsync(string text, CancellationToken cancellationToken)
    {
        await Console.Out.WriteLineAsync($"  ack:     {text}").ConfigureAwait(false);
        await SayAsync(text, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerAsync(HeardUtterance heard, CancellationToken cancellationToken)
    {
        var reply = heard.Report is { Acknowledged: not null } acknowledged ? acknowledged.Correction : heard.Report?.Reply ?? heard.Ask;
        if (heard.Report is { } report)
        {
            TurnPrinter.Print(Console.Out, report, json: false);
        }
        else if (reply is not null)
        {
            await Console.Out.WriteLineAsync($"  ask:     {reply}").ConfigureAwait(false);
        }

        if (reply is not null)
        {
            await SayAsync(reply, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SayAsync(string reply, CancellationToken cancellationToken)
    {
        if (speaker.IsAvailable && !_speakingFailed)
        {
            try
            {
                await speaker.SpeakAsync(reply, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                // No sound device, say: keep listening and printing.
                _speakingFailed = true;
                Log.Silent(logger, e.Message);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "No ASR model (Asr:ModelPath or --asr-model): utterances are found but not recognised.")]
        public static partial void NoRecogniser(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Replies are printed only: {Reason}")]
        public static partial void Silent(ILogger logger, string reason);
    }
}
