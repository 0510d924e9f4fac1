using Car.Language.Gazetteers;
using Car.Language.Model;
using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// The fast, offline parser: normalise, tag by the lexicon, split into requests, match each against the rules.
/// Negated requests (别开窗) give nothing; words that refer to the previous request are reported as a follow-up.
/// With <see cref="RuleParserResources"/>: command words count only at word boundaries, the owner's names are taken
/// whole and make a request surer, and an utterance that means nothing is tried once more with misheard domain words
/// repaired (打开车穿 → 打开车窗), which the dialogue then asks about rather than acts on.
/// </summary>
public sealed class RuleParser : IIntentParser
{
    public const string EngineName = "rules";

    private readonly TextNormalizer _normalizer;
    private readonly Tagger _tagger;
    private readonly RuleMatcher _matcher;
    private readonly int _maxLength;
    private readonly RuleParserResources _resources;
    private readonly WordBoundaryFilter _boundaries;
    private readonly PlaceNames _places;
    private readonly MusicStyleWords _styles;
    private readonly PlayedAlone _playedAlone;
    private readonly NotARequest _notARequest;
    private readonly KinContact _kin;
    private readonly PlannedRequest _planned;
    private readonly SaidItCannot _saidItCannot;
    private readonly ExceptedPosition _excepted;
    private readonly SpokenCorrection _correction;
    private readonly WeighedRequests _weighed;
    private readonly SaidBySomeoneElse _reported;
    private readonly RelayedMessage _message;
    private readonly OfferedNotAsked _offered;
    private readonly NeedAsPurpose _needs;

    public RuleParser(NluModel model, int maxUtteranceLength = 200, RuleParserResources? resources = null)
    {
        Model = model;
        _resources = resources ?? RuleParserResources.None;
        _normalizer = new TextNormalizer(model.Lexicon, _resources.AssistantNames);
        _tagger = new Tagger(model.Lexicon);
        _matcher = new RuleMatcher(model);
        _maxLength = maxUtteranceLength;
        _boundaries = new WordBoundaryFilter(_tagger, model.Lexicon);
        _places = new PlaceNames(model.Lexicon);
        _styles = MusicStyleWords.From(model.Lexicon);
        _playedAlone = new PlayedAlone(model.Lexicon, _styles);
        _notARequest = new NotARequest(model.Lexicon);
        _kin = new KinContact(model.Lexicon);
        _planned = new PlannedRequest(model.Lexicon);
        _saidItCannot = new SaidItCannot(model.Lexicon);
        _excepted = new ExceptedPosition(model.Lexicon);
        _correction = new SpokenCorrection(model.Lexicon);
        _weighed = new WeighedRequests(model.Lexicon);
        _reported = new SaidBySomeoneElse(model.Lexicon);
        _message = new RelayedMessage(model.Lexicon);
        _offered = new OfferedNotAsked(model.Lexicon);
        _needs = new NeedAsPurpose(model.Lexicon);
    }

    /// <summary>How sure a request read from repaired sound-alikes is: below <see cref="Intent.ClearEnough"/>, so asked.</summary>
    public const double RepairedConfidence = 0.6;

    public NluModel Model { get; }

    public string Engine => EngineName;

    public ValueTask<ParsedUtterance> ParseAsync(string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Parse(text));
    }

    public ParsedUtterance Parse(string? text) => Analyse(text).Result;

    /// <summary>
    /// The parse, and whether the utterance is plainly no request, so not worth the language model's time: it names
    /// nothing the car does, only things the lexicon knows are not about the car (天气, 笑话…), or its request words
    /// say something else (刚才车窗自己开了 tells what happened, <see cref="NotARequest"/>) or are negated (别开窗: a
    /// small model that misses the 别 would open the window), or it asks for what the contract cannot say (除了主驾…,
    /// which a model would read as the driver's window). Both come from one pass over the text.
    /// </summary>
    public (ParsedUtterance Result, bool PlainlyNoRequest) ParseForFallback(string? text) => Analyse(text);

    private (ParsedUtterance Result, bool PlainlyNoRequest) Analyse(string? text)
    {
        var original = text?.Trim() ?? string.Empty;
        var normalized = _normalizer.Normalize(original);
        if (normalized.Length > _maxLength)
        {
            return (new ParsedUtterance(original, [], Engine, Error: $"utterance too long ({normalized.Length} characters, at most {_maxLength})", ErrorKind: ParseErrorKind.TooLong), false);
        }

        var reading = Read(normalized);
        if (reading.Intents.Count == 0 && reading.FollowUp is null && !reading.SaysSomethingElse && !reading.Unsayable
            && _resources.SoundAlikes is { } soundAlikes
            && soundAlikes.Repair(normalized) is var repaired && repaired != normalized
            && Read(repaired) is { Intents.Count: > 0 } repairedReading)
        {
            var asked = repairedReading.Intents.Select(i => i.AtMost(RepairedConfidence)).ToList();
            return (new ParsedUtterance(original, asked, Engine, Repeated: repairedReading.Repeated, WavesOff: repairedReading.WavesOff), false);
        }

        // 取公司, 取火车站: a place after 取 said alone is where the driver is going (asked, as a repair); 取钱 and
        // 取东西 name no place.
        if (reading.Intents.Count == 0 && reading.FollowUp is null && !reading.SaysSomethingElse && !reading.Unsayable
            && MisheardGo.Repair(normalized, _resources.Words) is { } going
            && Read(going) is { Intents: [{ Name: IntentNames.NavGo } goingThere] }
            && goingThere.Text(SlotNames.Destination) is { } place
            && (Model.Lexicon.SlotWords("destinationKnown").Contains(place) || Model.Lexicon.EndsInPlaceWord(place)
                || _resources.Names.Contains(GazetteerKind.Place, place)))
        {
            return (new ParsedUtterance(original, [goingThere.AtMost(RepairedConfidence)], Engine), false);
        }

        // One character (放, 冷) is too little to act on: a clipped word or a noise the recogniser heard; the car asks.
        var intents = normalized.Length == 1
            ? [.. reading.Intents.Select(i => i.AtMost(OneCharacterConfidence))]
            : reading.Intents;
        var followUp = reading.Intents.Count > 0 ? null : reading.FollowUp ?? MissingValues.Detect(normalized, Model.Lexicon);
        var noRequest = reading.SaysSomethingElse && intents.Count == 0 && followUp is null;
        return (new ParsedUtterance(original, intents, Engine, followUp, reading.Repeated, WavesOff: reading.WavesOff, NoRequest: noRequest),
            (reading.OutOfDomain && followUp is null) || noRequest || (reading.Unsayable && intents.Count == 0));
    }

    /// <summary>
    /// 窗户再开大点, 天窗关小一点: a window or the sunroof opened wider or narrower with no measure said goes from where
    /// it is now, which the dialogue knows; read as an opening of 20 % it closed a window open halfway when asked to open
    /// it further.
    /// </summary>
    private static AdjustFollowUp? OpenedFurther(Intent intent, Frame frame)
    {
        // 他让我把窗户开大点, 明天把窗户开大点: a request the car asks about stays one (relayed, planned).
        if (!intent.IsClear
            || intent.Name is not (IntentNames.WindowOpen or IntentNames.WindowClose or IntentNames.SunroofOpen or IntentNames.SunroofClose)
            || frame.AllTags.Any(t => t.Number is not null || t.Value("amt") is { } amount && amount != LittleAmount))
        {
            return null;
        }

        // 开大, 关小: words that move it; 外面太吵了关窗 complains about something else and closes it.
        var moves = frame.AllTags
            .Where(t => (t.Has(AdjustDirection.UpConcept) || t.Has(AdjustDirection.DownConcept))
                && !t.Has(AdjustDirection.ComplaintConcept) && !t.HasGroup(DeviceGroup))
            .ToList();
        return AdjustDirection.Of(moves) is var direction and not 0 ? new AdjustFollowUp(direction, null, intent) : null;
    }

    private const string DeviceGroup = "dev";

    private const string LittleAmount = "little";

    /// <summary>左边, 右边: a side of the car, read as its front seat and asked about (lexicon concept <c>sideOnly</c>).</summary>
    private const string SideOnlyConcept = "sideOnly";

    /// <summary>The navigation's own voice (导航声音, 导航播报, 导航静音): lexicon concept <c>navVoice</c>.</summary>
    private const string NavigationVoiceConcept = "navVoice";

    /// <summary>Words that ask how or why (怎么, 为什么, 开什么): no cabin rule takes them.</summary>
    private const string AskConcept = "ask";

    /// <summary>How sure a request said in one character is: below <see cref="Intent.ClearEnough"/>, so asked.</summary>
    public const double OneCharacterConfidence = 0.6;

    private Reading Read(string normalized)
    {
        var words = _resources.Words?.Segment(normalized);
        var tags = words is null
            ? _tagger.Tag(normalized)
            : _tagger.Tag(normalized, (start, end, concepts) => _boundaries.Accepts(start, end, concepts, words));

        var names = _resources.Names.Find(normalized);
        if (names.Count > 0)
        {
            tags.RemoveAll(t => names.Any(n => n.Start <= t.Start && t.End <= n.End && (t.Start, t.End) != (n.Start, n.End)));
        }

        _correction.Mark(tags, normalized);
        _message.Drop(tags, normalized);

        var frames = FrameBuilder.Build(tags, normalized.Length, _matcher.JudgeFor(normalized, words));
        var requests = new SaidRequests(_needs);
        FollowUp? followUp = null;
        var saysSomethingElse = false;
        var negated = false;
        var unsayable = false;
        Frame? told = null;
        foreach (var frame in frames)
        {
            if (frame.IsNegated)
            {
                negated = true;
                requests.Refuse(frame, requests.KeepsLast ? _matcher.Match(frame, normalized, words) : null, normalized);
                continue;
            }

            if (told is not null && !frame.HasHead && FrameBuilder.OnlyTagsBetween(tags, told.SpanEnd, frame.SpanStart, t => t.IsBoundary))
            {
                // 天窗已经开了再开大一点, 把音量调到20，不对，30: what was told or taken back names what the request
                // right after it is about.
                frame.Inherit(told.AllTags.Where(t => t.IsHead));
            }

            var matched = _matcher.Match(frame, normalized, words);
            if (matched is not null && _excepted.Applies(frame, normalized))
            {
                unsayable = true;
                continue;
            }

            var declined = matched is not null && _notARequest.Applies(matched, frame, normalized, tags);
            saysSomethingElse |= declined;
            told = declined ? frame : null;
            if (matched is { Name: IntentNames.AssistantCancel } && requests.Intents.Count > 0 && IsTakingBack(frame))
            {
                // 开窗吧，算了: the requests just said are taken back, not done and then "cancelled".
                requests.TakeBackAll();
                saysSomethingElse = true;
            }
            else if (matched is { } intent && !declined)
            {
                intent = NamedSlots.TitleAfterSongWord(intent, normalized, words, tags, Model.Lexicon);
                intent = NamedSlots.Refine(MusicStyles.Split(intent, _styles, words), _resources.Names, words, Model.Lexicon);
                intent = MisheardName.Repair(intent, _resources);
                intent = SpokenNumber.Dialled(_kin.Repair(intent, _resources.Names));
                intent = _saidItCannot.AskedIfUnable(_planned.AskedIfPlanned(intent, frame, normalized, tags), frame, normalized);
                intent = StateOrRequest.AskedIfState(_reported.AskedIfReported(intent, frame, normalized), frame, normalized);
                intent = _offered.AskedIfOffered(intent, frame, normalized);
                if (OpenedFurther(intent, frame) is { } further)
                {
                    followUp ??= further;
                    continue;
                }

                if (frame.AllTags.Any(t => t.Has(SideOnlyConcept)) && (intent[SlotNames.Position] ?? intent[SlotNames.Zone]) is not null)
                {
                    // 右边的窗户: one side of the car has a front and a rear window; the front one is asked about.
                    intent = intent.AtMost(SlotExtractors.DoubtfulWords);
                }

                requests.Add(intent, frame, normalized);
                if (_weighed.Weighs(frame, normalized))
                {
                    requests.Weigh();
                }
            }
            else if (matched is null && requests.KeepsLast && _excepted.Applies(frame, normalized))
            {
                // 后排车窗都关上，除了左后: the position excepted after the request makes it one the contract cannot say.
                requests.TakeBackLast();
                unsayable = true;
            }
            else if (requests.Intents.Count > 0 && frame == frames[^1] && PlaceNameEnd(requests.Intents[^1], frame, normalized) is { } whole)
            {
                requests.Intents[^1] = whole;
            }
            else
            {
                // 教我怎么开空调, 怎么打开天窗: how to do what the car does is a question the contract cannot say, and
                // the language model is not asked to find a request in it.
                unsayable |= matched is null && frame.HasOwnHead && frame.HasAction && frame.Tags.Any(t => t.Has(AskConcept));
                // 导航静音, 导航声音小一点: the navigation's own voice is no setting of the contract; the music's volume
                // is not what was asked for, 小一点 adjusts nothing said before, and the language model is not asked.
                var navigationVoice = matched is null && frame.Tags.Any(t => t.Has(NavigationVoiceConcept));
                unsayable |= navigationVoice;
                var detected = navigationVoice ? null : FollowUpDetector.Detect(frame);
                if (requests.KeepsLast && detected is AlsoFollowUp { Position: { } position }
                    && SameForAnotherPosition.Repeat([requests.Intents[^1]], position) is [var again])
                {
                    // 主驾座椅加热打开副驾也一样: the request just made, for the seat named after it.
                    requests.Add(again, frame, normalized);
                }
                else
                {
                    followUp ??= detected;
                }
            }
        }

        var intents = requests.Weighed ? [.. requests.Intents.Select(i => i.AtMost(SlotExtractors.DoubtfulWords))] : requests.Intents;

        // 播放歌曲换一首歌, 唱一首某人的歌听: "play" with nothing named beside another playback request is that request's
        // lead-in, not a request of its own (打开音乐调大音量 still starts the music).
        if (intents.Count > 1 && intents.Any(i => i.IsClear && PlaybackRequests.Contains(i.Name) && !IsBarePlay(i)))
        {
            intents.RemoveAll(IsBarePlay);
        }

        var nothingTagged = tags.TrueForAll(t => t.IsFiller);
        // 追梦赤子心 alone, a title of the owner's media library: play it (before the places: 江南 is a song there).
        if (intents.Count == 0 && followUp is null && _playedAlone.FromLibrary(normalized, _resources.Names, tags) is { } named)
        {
            intents.Add(named);
        }

        // 东湖路 alone, or 松涛宾馆 (a name, not a search: 附近的宾馆): where the driver is going.
        // 临江火车站开始导航 is a destination too, not only "start the navigation".
        var searchOrNothing = intents.Count == 0 ? followUp is null
            : (intents is [{ Name: IntentNames.PoiSearch } search] && search.Text(SlotNames.Query) is not null)
                || intents is [{ Name: IntentNames.NavResume }];
        // 先不去机场: what a negated request names is no place to go to either.
        if (searchOrNothing && !negated && words is not null && _resources.Words is { } segmenter
            && _places.Find(normalized, tags, words, segmenter, out var sureness) is { } place)
        {
            intents.Clear();
            var goThere = new Intent(IntentNames.NavGo, [new(SlotNames.Destination, SlotValue.Of(place))]) { Confidence = sureness };
            intents.Add(MisheardName.Repair(NamedSlots.Refine(goThere, _resources.Names, words, Model.Lexicon), _resources));
        }

        // 音乐, 摇滚 or 周杰伦的稻香 alone: play it.
        if (intents.Count == 0 && followUp is null
            && _playedAlone.Find(normalized, words is null ? null : (words, _resources.Names, nothingTagged)) is { } played)
        {
            intents.Add(MusicStyles.Split(played, _styles, words));
        }

        // A contact alone, 王家岭 when the saved place is 汪家岭, a long title spelled otherwise: asked about.
        if (intents.Count == 0 && followUp is null && nothingTagged
            && MisheardName.SaidAlone(_playedAlone.Core(normalized), _resources) is { } soundsLike)
        {
            intents.Add(soundsLike);
        }

        var repeated = tags.Any(t => t.Has("again"));
        var wavesOff = tags.Any(t => t.Has("wavesOff"));
        var meaningful = tags.Where(t => !t.IsFiller && !t.IsBoundary && !t.Has("neg") && !t.Has("confirm")).ToList();
        // Nothing the lexicon knows is not "plainly out of domain": 车里有点浑浊 is for the language model.
        var outOfDomain = normalized.Length == 0 || (meaningful.Count > 0 && meaningful.All(t => t.Has("ood")));
        return new Reading(intents, followUp, repeated, outOfDomain, wavesOff, saysSomethingElse || negated, unsayable);
    }

    /// <summary>
    /// 算了, 不用了, 当我没说 opening what follows requests (lexicon concept <c>takeBack</c>), perhaps after 还是
    /// (还是算了吧); 取消 and 退出 may name what to stop.
    /// </summary>
    private static bool IsTakingBack(Frame frame) =>
        frame.Tags.FirstOrDefault(t => !t.IsFiller && !t.Has("again")) is { } first && first.Has("takeBack");

    /// <summary>
    /// 导航到东南门, 导航到某某电大: a last character that alone is a car word (门 a door, 大 bigger) and asks for nothing
    /// ends the place name just said, not a request of its own.
    /// </summary>
    private static Intent? PlaceNameEnd(Intent previous, Frame frame, string normalized)
    {
        if (previous.Name != IntentNames.NavGo || previous.Text(SlotNames.Destination) is not { } destination
            || frame.SpanEnd < normalized.Length || frame.SpanEnd - frame.SpanStart != 1
            || !normalized.AsSpan(0, frame.SpanStart).EndsWith(destination, StringComparison.Ordinal))
        {
            return null;
        }

        return previous.With(SlotNames.Destination, SlotValue.Of(destination + normalized[frame.SpanStart]));
    }

    private static readonly string[] PlaybackRequests = [IntentNames.MediaPlay, IntentNames.MediaNext, IntentNames.MediaPrevious, IntentNames.MediaPause];

    private static bool IsBarePlay(Intent intent) => intent.Name == IntentNames.MediaPlay && intent.Slots.Count == 0;

    /// <param name="SaysSomethingElse">A request's words were found and turned out to say something else (<see cref="NotARequest"/>)
    /// or were negated (别开窗, 不去机场了).</param>
    /// <param name="Unsayable">A request was heard that the contract cannot say (除了主驾其他车窗都打开, <see cref="ExceptedPosition"/>).</param>
    private sealed record Reading(
        List<Intent> Intents, FollowUp? FollowUp, bool Repeated, bool OutOfDomain, bool WavesOff, bool SaysSomethingElse, bool Unsayable);
}
