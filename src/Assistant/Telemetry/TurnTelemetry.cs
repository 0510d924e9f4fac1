using System.Diagnostics;
using System.Diagnostics.Metrics;
using Car.Assistant.Dialogue;
using Car.Language.Llm;

namespace Car.Assistant.Telemetry;

/// <summary>
/// The turns' OpenTelemetry signals: a <c>turn</c> span with one child span per stage (vad, asr, parse, policy,
/// actuate, cloud) on the <see cref="ActivitySource"/> <see cref="SourceName"/>, and on the meter of the same name a
/// latency histogram per stage and counters of refusals, questions back, LLM fallbacks and actions the car did not
/// confirm. Exporters (console, OTLP) and the dashboard read these same spans.
/// </summary>
public sealed class TurnTelemetry
{
    public const string SourceName = "Car.Assistant";

    /// <summary>The spans' source; shared by every host of the process, as ActivitySources are.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    private readonly Histogram<double> _stageDuration;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _asks;
    private readonly Counter<long> _llmFallbacks;
    private readonly Counter<long> _unconfirmed;

    public TurnTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(SourceName);
        _stageDuration = meter.CreateHistogram<double>("car.turn.stage.duration", "ms", "How long each stage of a turn took (tag stage).");
        _refusals = meter.CreateCounter<long>("car.turn.refusals", description: "Requests the policy refused (tag intent).");
        _asks = meter.CreateCounter<long>("car.turn.asks", description: "Turns that ended with a question back to the driver.");
        _llmFallbacks = meter.CreateCounter<long>("car.parse.llm_fallbacks", description: "Utterances the language model parsed because the rules could not.");
        _unconfirmed = meter.CreateCounter<long>(
            "car.actuation.unconfirmed", description: "Actions the car did not confirm: failed, partly done, not done, … (tag outcome).");
    }

    /// <summary>
    /// Starts a turn's span, or returns null when one is already running in this flow (a spoken turn's conversation
    /// is part of the voice turn) or nobody listens.
    /// </summary>
    public static Activity? StartTurn(string text)
    {
        if (CurrentTurn() is not null)
        {
            return null;
        }

        var turn = Source.StartActivity(TurnStages.Turn, ActivityKind.Internal);
        turn?.SetTag("car.text", text);
        return turn;
    }

    /// <summary>Starts one stage of the current turn.</summary>
    public StageSpan Stage(string stage) =>
        new(Source.StartActivity(stage, ActivityKind.Internal), stage, (name, duration) =>
            _stageDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("stage", name)));

    /// <summary>What the turn came to: tags the turn's span and counts refusals, questions, fallbacks and unconfirmed actions.</summary>
    public void Completed(TurnReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (CurrentTurn() is { } turn)
        {
            turn.SetTag("car.text", report.Text);
            turn.SetTag("car.reply", report.Reply);
            turn.SetTag("car.ask", report.Ask);
        }

        foreach (var refusal in report.Refused)
        {
            _refusals.Add(1, new KeyValuePair<string, object?>("intent", refusal.Intent));
        }

        if (report.Ask is not null)
        {
            _asks.Add(1);
        }

        if (report.Engine == LlmIntentParser.EngineName)
        {
            _llmFallbacks.Add(1);
        }

        foreach (var action in report.Actions.Where(a => !a.Confirmed))
        {
            _unconfirmed.Add(1, new KeyValuePair<string, object?>("outcome", action.Status.ToString()));
        }
    }

    /// <summary>The turn span this flow runs in, if any.</summary>
    public static Activity? CurrentTurn()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.Source == Source && activity.OperationName == TurnStages.Turn)
            {
                return activity;
            }
        }

        return null;
    }
}
