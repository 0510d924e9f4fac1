using Car.Assistant.Policy;
using Car.Assistant.Policy.Safety;
using Car.Assistant.Telemetry;
using Car.CloudSync.Recommendations;
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

    /// <summary>The reply to words understood as no request (别开窗, 刚才车窗自己开了): heard, and nothing done.</summary>
    public const string NothingAsked = "好的";
    public const string TooLong = "这句话太长了，请简短地再说一次";
    public const string SayAgain = "抱歉，没能及时听明白，请再说一次";
    public const string WarmingUp = "语言模型还在启动，这句我暂时听不懂，请稍后再说一次";
    public const string ConfirmationLapsed = "刚才的确认已失效（时间过久或车辆情况有变），请再说一次您的要求";
    public const string CarUnavailable = "抱歉，暂时读不到车辆状态，这次没有执行任何操作";
    public const string Cancelled = "好的，已取消";

    private readonly IIntentParser _parser;
    private readonly AssistantPolicy _policy;
    private readonly ActionExecutor _executor;
    private readonly PlaceRecommendations _recommendations;
    private readonly CloudNavigation _navigation;
    private readonly PolicyOptions _options;
    private readonly SafetyEnvelope _envelope;
    private readonly TimeProvider _time;
    private readonly TurnTelemetry _telemetry;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly PhoneBook _contacts;
    private CancellationTokenSource? _inFlight;

    public Conversation(
        IIntentParser parser,
        AssistantPolicy policy,
        ActionExecutor executor,
        PlaceRecommendations recommendations,
        CloudNavigation navigation,
        SafetyEnvelope envelope,
        TimeProvider time,
        IOptions<PolicyOptions> options,
        TurnTelemetry telemetry,
        PhoneBook contacts)
    {
        _contacts = contacts;
        _telemetry = telemetry;
        _envelope = envelope;
        _time = time;
        _recommendations = recommendations;
        _navigation = navigation;
        _parser = parser;
        _policy = policy;
        _executor = executor;
        _options = options.Value;
    }

    public DialogueState State { get; } = new();

    /// <summary>The spans and metrics of this conversation's turns (a spoken turn adds its own stages to them).</summary>
    internal TurnTelemetry Telemetry => _telemetry;

    /// <summary>
    /// Handles one utterance. Parsing needs no session state and happens first, so that 取消 stops a turn still in
    /// flight (a bus that hangs) instead of waiting behind it.
    /// </summary>
    public Task<TurnReport> HandleAsync(string text, CancellationToken cancellationToken = default) =>
        HandleAsync(text, acknowledge: null, cancellationToken);

    /// <summary>
    /// Handles one utterance, telling <paramref name="acknowledge"/> the short reply as soon as the car has accepted
    /// every action of the turn (before their confirmation, which a window takes seconds to give). The report that
    /// comes back says the whole outcome, what was acknowledged and, when the car did not confirm, the correction.
    /// </summary>
    public Task<TurnReport> HandleAsync(string text, Action<string>? acknowledge, CancellationToken cancellationToken = default) =>
        ContinueAsync(said: null, text, acknowledge, cancellationToken);

    /// <summary>
    /// Handles speech that continues the previous turn's <paramref name="said"/>: an utterance the listener ended
    /// early at a pause that the fixed tail would have waited out. The two are parsed as the one utterance the driver
    /// meant, and what that says beyond <paramref name="said"/> alone is acted on (打开主驾车窗 … 开一半 opens the
    /// window half way; 把温度调低一点 … 风量调小 lowers the temperature once). When together they say nothing more,
    /// <paramref name="text"/> is a turn of its own. A null <paramref name="said"/> is an ordinary turn.
    /// </summary>
    public async Task<TurnReport> ContinueAsync(string? said, string text, Action<string>? acknowledge, CancellationToken cancellationToken = default)
    {
        using var span = TurnTelemetry.StartTurn(text ?? string.Empty);
        var report = await HandleTurnAsync(said, text ?? string.Empty, acknowledge, cancellationToken).ConfigureAwait(false);
        _telemetry.Completed(report);
        return report;
    }

    private async Task<TurnReport> HandleTurnAsync(string? said, string text, Action<string>? acknowledge, CancellationToken cancellationToken)
    {
        ParsedUtterance parse;
        using (var stage = _telemetry.Stage(TurnStages.Parse))
        {
            parse = (said is null ? null : await ContinuationAsync(said, text, cancellationToken).ConfigureAwait(false))
                ?? await _parser.ParseAsync(text, cancellationToken).ConfigureAwait(false);
            stage.Tag("car.parse.continues", said)
                .Tag("car.parse.engine", parse.Engine)
                .Tag("car.parse.intents", string.Join(", ", parse.Intents.Select(i => i.Name)))
                .Tag("car.parse.confidence", parse.Intents.Count > 0 ? parse.Intents.Min(i => i.Confidence) : null)
                .Tag("car.parse.follow_up", parse.FollowUp?.GetType().Name)
                .Tag("car.parse.error", parse.Error);
        }

        if (parse.Intents.Any(i => i.Name == IntentNames.AssistantCancel))
        {
            CancelInFlight();
        }

        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Volatile.Write(ref _inFlight, turn);
        try
        {
            VehicleSnapshot snapshot;
            try
            {
                snapshot = await _executor.ReadStateAsync(turn.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Report(parse, [], [], null, CarUnavailable);
            }

            var vehicle = new VehicleState(snapshot, _envelope);
            var changes = new SignalChangeRecorder(snapshot);
            using var subscription = _executor.SubscribeOrNull(changes.Record);
            var report = await DecideAndActAsync(parse, vehicle, acknowledge, turn.Token).ConfigureAwait(false);
            return report with { Changes = changes.Summaries() };
        }
        catch (OperationCanceledException) when (turn.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A later 取消 stopped this turn.
            return Report(parse, [], [], null, Cancelled);
        }
        finally
        {
            Interlocked.CompareExchange(ref _inFlight, null, turn);
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    /// <summary><paramref name="said"/> and <paramref name="text"/> parsed together, less the requests <paramref name="said"/> made alone; null when that leaves none.</summary>
    private async Task<ParsedUtterance?> ContinuationAsync(string said, string text, CancellationToken cancellationToken)
    {
        var joined = await _parser.ParseAsync(said + text, cancellationToken).ConfigureAwait(false);
        if (joined.Error is not null || joined.Intents.Count == 0)
        {
            return null;
        }

        var before = (await _parser.ParseAsync(said, cancellationToken).ConfigureAwait(false)).Intents.ToList();
        var beyond = new List<Intent>();
        foreach (var intent in joined.Intents)
        {
            var done = before.FindIndex(b => b.Name == intent.Name && b.Slots.SequenceEqual(intent.Slots));
            if (done >= 0)
            {
                before.RemoveAt(done);
            }
            else
            {
                beyond.Add(intent);
            }
        }

        return beyond.Count == 0 ? null : joined with { Intents = beyond };
    }

    private async Task<TurnReport> DecideAndActAsync(
        ParsedUtterance parse, VehicleState vehicle, Action<string>? acknowledge, CancellationToken cancellationToken)
    {
        if (parse.Error is not null)
        {
            var reply = parse.ErrorKind switch
            {
                ParseErrorKind.TooLong => TooLong,
                ParseErrorKind.WarmingUp => WarmingUp,
                _ => SayAgain,
            };
            return Report(parse, [], [], parse.ErrorKind == ParseErrorKind.TooLong ? null : reply, reply);
        }

        var intents = parse.Intents;
        var awaited = State.Awaited;
        State.Awaited = null;
        if (awaited?.Answer(parse) is { } answer)
        {
            intents = [answer];
        }
        else if (awaited?.Completion(parse) is { } completion
            && awaited.Completed(await _parser.ParseAsync(completion, cancellationToken).ConfigureAwait(false)) is { } completed)
        {
            intents = [completed];
        }

        if (intents.Any(i => i.Name == IntentNames.AssistantCancel))
        {
            var pending = State.Held is not null || awaited is not null;
            State.ClearConfirmation();
            intents = [.. intents.SkipWhile(i => i.Name != IntentNames.AssistantCancel).Skip(1)];
            if (intents.Count == 0 && !pending && !parse.WavesOff && State.LastStarted is { } started && started.IsFresh(_time.GetUtcNow()))
            {
                // 导航到公司 … 取消: nothing waits for an answer, so the cancel stops what the car just started (没事了
                // waves the assistant off and stops nothing).
                intents = [started.Stop];
            }
            else if (intents.Count == 0)
            {
                return Report(parse, [], [], null, Cancelled);
            }
        }

        var context = new PolicyContext(vehicle, _options, NeedPersists(parse, intents), State.LastDestination, Contacts: _contacts);
        if (intents.Count == 0)
        {
            switch (parse.FollowUp)
            {
                case ConfirmFollowUp when State.Held is { } held:
                    State.ClearConfirmation();
                    return held.IsValid(_time.GetUtcNow(), HeldConfirmation.BandOf(vehicle.Situation, _envelope))
                        ? await ActAsync(parse, held.Intents, context, confirmed: true, acknowledge, cancellationToken).ConfigureAwait(false)
                        : Report(parse, [], [], null, ConfirmationLapsed);
                case ConfirmFollowUp:
                    return Report(parse, [], [], null, "好的");
                case MoreChoicesFollowUp when State.Offer is { } offer:
                    return await OfferAsync(parse, offer.Search, offer.Offset + offer.Places.Count, vehicle, cancellationToken)
                        .ConfigureAwait(false);
                case MoreChoicesFollowUp:
                    return Report(parse, [], [], FollowUpResolver.NothingToPick, FollowUpResolver.NothingToPick);
                case MissingValueFollowUp missing:
                    State.Awaited = new AwaitedValue(missing.IntentName);
                    return Report(parse, [], [], State.Awaited.Question, State.Awaited.Question);
                case null:
                    State.ClearConfirmation();
                    return Report(parse, [], [], null, parse.NoRequest ? NothingAsked : NotUnderstood);
            }

            var resolved = FollowUpResolver.Resolve(parse.FollowUp, State, context);
            if (resolved.Ask is not null)
            {
                return Report(parse, [], [], resolved.Ask, resolved.Ask);
            }

            intents = resolved.Intents;
        }

        return await ActAsync(parse, intents, context, confirmed: false, acknowledge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decides, sends what may go now, holds what waits for a yes, and replies from what the car did.</summary>
    private async Task<TurnReport> ActAsync(
        ParsedUtterance parse,
        IReadOnlyList<Intent> intents,
        PolicyContext context,
        bool confirmed,
        Action<string>? acknowledge,
        CancellationToken cancellationToken)
    {
        var position = CarPosition.From(context.Vehicle.Snapshot);
        var offer = State.Offer;
        IReadOnlyDictionary<string, RoutePlan> routes;
        using (var stage = intents.Any(i => i.Name == IntentNames.NavGo) ? _telemetry.Stage(TurnStages.Cloud).Tag("car.cloud.call", "route") : null)
        {
            routes = await _navigation.PlanAsync(intents, offer, position, cancellationToken).ConfigureAwait(false);
            stage?.Tag("car.cloud.routes", routes.Count);
        }

        PolicyDecision decision;
        using (var stage = _telemetry.Stage(TurnStages.Policy))
        {
            decision = _policy.Decide(
                [.. intents.Where(i => !PlaceRecommendations.Handles(i))], context with { Routes = routes }, confirmed);
            stage.Tag("car.policy.situation", Describe(context.Vehicle.Situation))
                .Tag("car.policy.actions", string.Join(", ", decision.Actions.Select(a => $"{a.Signal}={a.Value}")))
                .Tag("car.policy.refused", string.Join("; ", decision.Refused.Select(r => $"{r.Intent}: {r.Reason}")))
                .Tag("car.policy.held", string.Join(", ", decision.Held.Select(i => i.Name)))
                .Tag("car.policy.ask", decision.Ask);
        }

        string? acknowledged = null;
        void Accepted(int count)
        {
            // Only a turn whose every action the car took, with nothing held or still to look up, is acknowledged early.
            if (acknowledge is not null && count == decision.Actions.Count && decision.Held.Count == 0
                && !intents.Any(PlaceRecommendations.Handles) && OutcomeReply.Acknowledgement(decision.Steps) is { Length: > 0 } text)
            {
                acknowledged = text;
                acknowledge(text);
            }
        }

        IReadOnlyList<ActionResult> results;
        using (var stage = decision.Actions.Count > 0 ? _telemetry.Stage(TurnStages.Actuate) : null)
        {
            results = await _executor.ExecuteAsync(decision.Actions, Accepted, cancellationToken).ConfigureAwait(false);
            stage?.Tag("car.actuate.results", string.Join(", ", results.Select(r => $"{r.Signal}={r.Value} {r.Status}")))
                .Tag("car.actuate.confirmed", results.Count(r => r.Confirmed))
                .Tag("car.actuate.unconfirmed", results.Count(r => !r.Confirmed));
        }

        var carried = intents.Where(i => !decision.Held.Contains(i) && !decision.Refused.Any(r => r.Intent == i.Name)).ToList();
        Remember(intents, carried, decision, context.Vehicle);
        await _navigation.ReportTripsAsync(intents, results, routes, offer, position, cancellationToken).ConfigureAwait(false);
        var refused = decision.Refused.ToList();
        var replies = OutcomeReply.For(decision.Steps, results).ToList();
        if (decision.Held.Count > 0 && decision.Ask is not null)
        {
            replies.Add(decision.Ask);
        }

        var ask = decision.Ask;
        foreach (var search in intents.Where(PlaceRecommendations.Handles))
        {
            RecommendationOutcome outcome;
            using (var stage = _telemetry.Stage(TurnStages.Cloud).Tag("car.cloud.call", search.Name))
            {
                outcome = await _recommendations.RecommendAsync(search, position, 0, cancellationToken).ConfigureAwait(false);
                stage.Tag("car.cloud.reply", outcome.Reply);
            }

            replies.Add(outcome.Reply);
            refused.AddRange(outcome.Refusal is { } refusal ? [refusal] : []);
            ask ??= outcome.Ask;
            State.Offer = outcome.Offer ?? State.Offer;
        }

        return new TurnReport(parse.Text, parse.Engine, intents, results, refused, ask, string.Join("；", replies), [])
        {
            Carried = carried,
            Acknowledged = acknowledged,
            Correction = acknowledged is null ? null : OutcomeReply.Correction(decision.Steps, results),
        };
    }

    /// <summary>换一批: the same search again, past the places already offered.</summary>
    private async Task<TurnReport> OfferAsync(
        ParsedUtterance parse, Intent search, int offset, VehicleState vehicle, CancellationToken cancellationToken)
    {
        RecommendationOutcome outcome;
        using (var stage = _telemetry.Stage(TurnStages.Cloud).Tag("car.cloud.call", search.Name))
        {
            outcome = await _recommendations.RecommendAsync(search, CarPosition.From(vehicle.Snapshot), offset, cancellationToken)
                .ConfigureAwait(false);
            stage.Tag("car.cloud.reply", outcome.Reply);
        }

        State.Offer = outcome.Offer ?? State.Offer;
        return new TurnReport(
            parse.Text, parse.Engine, [search], [], outcome.Refusal is { } refusal ? [refusal] : [], outcome.Ask, outcome.Reply, []);
    }

    private static string Describe(DrivingSituation situation) =>
        $"{situation.SpeedKmh:0} km/h{(situation.IsParked ? ", parked" : string.Empty)}{(situation.Raining ? ", rain" : string.Empty)}";

    private bool NeedPersists(ParsedUtterance parse, IReadOnlyList<Intent> intents) =>
        intents.Any(i => i.Name.StartsWith("comfort.", StringComparison.Ordinal)
            && (parse.Repeated || State.LastIntents.Any(last => last.Name == i.Name)));

    private void Remember(IReadOnlyList<Intent> intents, List<Intent> carried, PolicyDecision decision, VehicleState vehicle)
    {
        State.LastIntents = intents;
        if (carried.Count > 0)
        {
            State.LastStarted = StartedActivity.Of(carried, _time.GetUtcNow());
        }

        State.Held = decision.Held.Count > 0
            ? new HeldConfirmation(decision.Held, _time.GetUtcNow(), HeldConfirmation.BandOf(vehicle.Situation, _envelope))
            : null;
        if (intents.LastOrDefault(i => i.Name == IntentNames.NavGo)?.Text(SlotNames.Destination) is { } destination)
        {
            State.LastDestination = destination;
        }
    }

    private void CancelInFlight()
    {
        try
        {
            Volatile.Read(ref _inFlight)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That turn has just ended.
        }
    }

    private static TurnReport Report(
        ParsedUtterance parse, IReadOnlyList<ActionResult> actions, IReadOnlyList<Refusal> refused, string? ask, string reply) =>
        new(parse.Text, parse.Engine, parse.Intents, actions, refused, ask, reply, []);
}
