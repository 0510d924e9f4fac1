using Car.Assistant.Policy;
using Car.Language;
using Car.VehicleBus.Signals;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Dialogue;

/// <summary>
/// One session with the driver: each utterance is parsed, follow-ups are resolved against the last request,
/// the policy decides, the actions go to the bus, and a report comes back. Utterances are handled one at a
/// time (a second waits for the first).
/// </summary>
public sealed class Conversation : IDisposable
{
    public const string NotUnderstood = "抱歉，我没听懂，请换个说法试试";
    public const string TooLong = "这句话太长了，请简短地再说一次";
    public const string SayAgain = "抱歉，没能及时听明白，请再说一次";

    private readonly IIntentParser _parser;
    private readonly AssistantPolicy _policy;
    private readonly IVehicleBus _bus;
    private readonly ActionExecutor _executor;
    private readonly PlaceRecommendations _recommendations;
    private readonly PolicyOptions _options;
    private readonly SemaphoreSlim _turn = new(1, 1);

    public Conversation(
        IIntentParser parser,
        AssistantPolicy policy,
        IVehicleBus bus,
        ActionExecutor executor,
        PlaceRecommendations recommendations,
        IOptions<PolicyOptions> options)
    {
        _recommendations = recommendations;
        _parser = parser;
        _policy = policy;
        _bus = bus;
        _executor = executor;
        _options = options.Value;
    }

    public DialogueState State { get; } = new();

    public async Task<TurnReport> HandleAsync(string text, CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var parse = await _parser.ParseAsync(text ?? string.Empty, cancellationToken).ConfigureAwait(false);
            var snapshot = await _bus.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
            var vehicle = new VehicleState(snapshot, _options);
            var changes = new SignalChangeRecorder(snapshot);
            using var subscription = _bus.Subscribe(changes.Record);
            var report = await DecideAndActAsync(parse, vehicle, cancellationToken).ConfigureAwait(false);
            return report with { Changes = changes.Summaries() };
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    private async Task<TurnReport> DecideAndActAsync(ParsedUtterance parse, VehicleState vehicle, CancellationToken cancellationToken)
    {
        if (parse.Error is not null)
        {
            var reply = parse.ErrorKind == ParseErrorKind.TooLong ? TooLong : SayAgain;
            return Report(parse, [], [], parse.ErrorKind == ParseErrorKind.TooLong ? null : reply, reply);
        }

        var intents = parse.Intents;
        if (intents.Any(i => i.Name == IntentNames.AssistantCancel))
        {
            State.ClearConfirmation();
            intents = [.. intents.SkipWhile(i => i.Name != IntentNames.AssistantCancel).Skip(1)];
            if (intents.Count == 0)
            {
                return Report(parse, [], [], null, "好的，已取消");
            }
        }

        var context = new PolicyContext(vehicle, _options, NeedPersists(parse, intents), State.LastDestination);
        if (intents.Count == 0)
        {
            switch (parse.FollowUp)
            {
                case ConfirmFollowUp when State.AwaitingConfirmation.Count > 0:
                    var held = State.AwaitingConfirmation;
                    var reply = State.ConfirmedReply ?? "好的";
                    State.ClearConfirmation();
                    var done = await _executor.ExecuteAsync(held, cancellationToken).ConfigureAwait(false);
                    return Report(parse, done, [], null, reply);
                case ConfirmFollowUp:
                    return Report(parse, [], [], null, "好的");
                case null:
                    State.ClearConfirmation();
                    return Report(parse, [], [], null, NotUnderstood);
            }

            var resolved = FollowUpResolver.Resolve(parse.FollowUp, State, context);
            if (resolved.Ask is not null)
            {
                return Report(parse, [], [], resolved.Ask, resolved.Ask);
            }

            intents = resolved.Intents;
        }

        var decision = _policy.Decide([.. intents.Where(i => !PlaceRecommendations.Handles(i))], context);
        var results = await _executor.ExecuteAsync(decision.Actions, cancellationToken).ConfigureAwait(false);
        Remember(intents, decision);
        var refused = decision.Refused.ToList();
        var replies = decision.Reply.Length > 0 ? new List<string> { decision.Reply } : [];
        var ask = decision.Ask;
        foreach (var search in intents.Where(PlaceRecommendations.Handles))
        {
            var outcome = await _recommendations.RecommendAsync(search, cancellationToken).ConfigureAwait(false);
            replies.Add(outcome.Reply);
            refused.AddRange(outcome.Refusal is { } refusal ? [refusal] : []);
            ask ??= outcome.Ask;
            State.LastOffer = outcome.Offer.Count > 0 ? outcome.Offer : State.LastOffer;
        }

        return new TurnReport(parse.Text, parse.Engine, intents, results, refused, ask, string.Join("；", replies), []);
    }

    private bool NeedPersists(ParsedUtterance parse, IReadOnlyList<Intent> intents) =>
        intents.Any(i => i.Name.StartsWith("comfort.", StringComparison.Ordinal)
            && (parse.Repeated || State.LastIntents.Any(last => last.Name == i.Name)));

    private void Remember(IReadOnlyList<Intent> intents, PolicyDecision decision)
    {
        State.LastIntents = intents;
        State.AwaitingConfirmation = decision.AwaitingConfirmation;
        State.ConfirmedReply = decision.ConfirmedReply;
        if (intents.LastOrDefault(i => i.Name == IntentNames.NavGo)?.Text(SlotNames.Destination) is { } destination)
        {
            State.LastDestination = destination;
        }
    }

    private static TurnReport Report(
        ParsedUtterance parse, IReadOnlyList<ActionResult> actions, IReadOnlyList<Refusal> refused, string? ask, string reply) =>
        new(parse.Text, parse.Engine, parse.Intents, actions, refused, ask, reply, []);
}
