using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>NLPCC labels in our contract; docs/evaluation.md explains each choice.</summary>
internal static class NlpccMapping
{
    public const string Others = "OTHERS";

    public static readonly IReadOnlySet<string> KnownLabels = new HashSet<string>(StringComparer.Ordinal)
    {
        "music.play", "music.pause", "music.next", "music.prev",
        "navigation.navigation", "navigation.cancel_navigation", "navigation.open", "navigation.start_navigation",
        "phone_call.make_a_phone_call", "phone_call.cancel", Others,
    };

    /// <summary>Music slots a search query can carry (the speaker's words for what to play).</summary>
    private static readonly string[] QuerySlots = ["song", "singer", "theme", "style", "toplist", "instrument", "scene"];

    /// <summary>Music slots that are attributes, not names: 伤感的, 英文的, 八零后的, 欧美的. The contract has no slot for them.</summary>
    private static readonly string[] AttributeSlots = ["emotion", "language", "age", "origin"];

    public static LabeledUtterance Map(NlpccTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (domain, expected) = turn.Label switch
        {
            "music.play" => (EvaluationDomains.Music, Play(turn)),
            "music.pause" => (EvaluationDomains.Music, Expectation.Exactly(new Intent(IntentNames.MediaPause))),
            "music.next" => (EvaluationDomains.Music, Expectation.Exactly(new Intent(IntentNames.MediaNext))),
            "music.prev" => (EvaluationDomains.Music, Expectation.Exactly(new Intent(IntentNames.MediaPrevious))),
            "navigation.navigation" => (EvaluationDomains.Navigation, Go(turn)),
            "navigation.cancel_navigation" => (EvaluationDomains.Navigation, Expectation.Exactly(new Intent(IntentNames.NavCancel))),
            "navigation.start_navigation" => (EvaluationDomains.Navigation, Expectation.Exactly(new Intent(IntentNames.NavResume))),
            "navigation.open" => (EvaluationDomains.Navigation, Expectation.Inexpressible(IntentNames.NavResume)),
            "phone_call.make_a_phone_call" => (EvaluationDomains.Phone, Call(turn)),
            "phone_call.cancel" => (EvaluationDomains.Phone, Expectation.Exactly(new Intent(IntentNames.PhoneHangUp))),
            Others => (EvaluationDomains.Others, CorpusScope.NothingOf(CorpusScope.Nlpcc)),
            _ => throw new CorpusFormatException($"line {turn.Line}: unknown label '{turn.Label}'"),
        };
        return new LabeledUtterance(turn.Utterance, domain, expected, $"line {turn.Line}", turn.Session);
    }

    private static Expectation Play(NlpccTurn turn)
    {
        if (turn.Values(AttributeSlots).Any())
        {
            return Expectation.Inexpressible(IntentNames.MediaPlay);
        }

        var slots = turn.Values(QuerySlots).Select(v => new KeyValuePair<string, SlotValue>(SlotNames.Query, SlotValue.Of(v))).ToList();
        return Expectation.Exactly(new Intent(IntentNames.MediaPlay, slots));
    }

    private static Expectation Go(NlpccTurn turn)
    {
        var destinations = turn.Values("destination", "custom_destination").ToList();
        return destinations.Count == 1
            ? Expectation.Exactly(new Intent(IntentNames.NavGo).With(SlotNames.Destination, SlotValue.Of(destinations[0])))
            : Expectation.Inexpressible(IntentNames.NavGo);
    }

    private static Expectation Call(NlpccTurn turn)
    {
        var names = turn.Values("contact_name").ToList();
        var numbers = turn.Values("phone_num").ToList();
        var contact = names.Count == 1 ? names[0] : names.Count == 0 && numbers.Count == 1 ? numbers[0] : null;
        return contact is null
            ? Expectation.Inexpressible(IntentNames.PhoneCall)
            : Expectation.Exactly(new Intent(IntentNames.PhoneCall).With(SlotNames.Contact, SlotValue.Of(contact)));
    }
}
