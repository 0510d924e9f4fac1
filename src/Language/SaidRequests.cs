namespace Car.Language;

/// <summary>
/// The requests of one utterance in the order said, and how each new one joins those before it: opening the map is
/// part of going somewhere, a need right after a request is its purpose (开窗透气) or is about it (开空调太冷了), and so
/// is a complaint right after opening something (开窗太吵了), a second place waits for the first (先去超市再回家), a
/// request refused or taken back right after it is gone (锁车，等一下，先别锁; 开窗吧，算了), and two offered as a
/// choice are weighed (开窗还是开空调).
/// </summary>
public sealed class SaidRequests(NeedAsPurpose needs)
{
    private readonly NeedAsPurpose _needs = needs;

    private Frame? _lastFrame;

    /// <summary>The requests kept so far, in the order said.</summary>
    public List<Intent> Intents { get; } = [];

    /// <summary>Whether the driver weighed the requests rather than asked for them, so each is to be asked about.</summary>
    public bool Weighed { get; private set; }

    /// <summary>Whether the request said last is still kept (a refusal or an excepted position right after it takes it back).</summary>
    public bool KeepsLast => Intents.Count > 0 && _lastFrame is not null;

    /// <summary>
    /// A negated <paramref name="frame"/> (read as <paramref name="refused"/> when a rule takes it): 不去机场了 calls the
    /// trip off, and the same request refused right after it is taken back (开窗，别开太大 only limits it).
    /// </summary>
    public void Refuse(Frame frame, Intent? refused, string text)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        if (KeepsLast && Intents[^1].IsClear && RefusesTheSame(frame, refused, Intents[^1])
            && !frame.Tags.Any(t => t.HasGroup(AmountGroup) || t.Has(ComplaintConcept)))
        {
            TakeBackLast();
        }

        if (NoLongerGoing.Applies(frame, text) && !Intents.Exists(i => i.Name == IntentNames.NavCancel))
        {
            Intents.Add(new Intent(IntentNames.NavCancel));
        }
    }

    /// <summary>开窗吧，算了: every request said so far is taken back.</summary>
    public void TakeBackAll()
    {
        Intents.Clear();
        _lastFrame = null;
    }

    /// <summary>后排车窗都关上，除了左后: the last request is taken back.</summary>
    public void TakeBackLast()
    {
        if (Intents.Count > 0)
        {
            Intents.RemoveAt(Intents.Count - 1);
        }

        _lastFrame = null;
    }

    /// <summary>Adds <paramref name="intent"/>, read from <paramref name="frame"/> of <paramref name="text"/>, as it joins the requests before it.</summary>
    public void Add(Intent intent, Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        if (Intents.Count > 0 && Intents[^1].Name == IntentNames.NavResume && intent.Name == IntentNames.NavGo)
        {
            // 打开导航带我去X: opening the map is part of going there.
            Intents.RemoveAt(Intents.Count - 1);
        }

        if ((Intents.Count > 0 && Intents[^1].Name == IntentNames.NavGo && intent.Name == IntentNames.NavResume)
            || (KeepsLast && _needs.Applies(intent, frame, Intents[^1], _lastFrame!, text))
            || WaitsForTheFirstPlace(intent))
        {
            // 去X导航开始: going there starts the navigation; 开窗透气: the need is the window's purpose.
            return;
        }

        if (KeepsLast && _needs.IsAboutTheRequest(intent, frame, Intents[^1], _lastFrame!, text))
        {
            // 开空调太冷了: the air conditioning that is on is too cold; the policy answers the need.
            Intents.RemoveAt(Intents.Count - 1);
        }

        if (KeepsLast && ComplaintAfterOpening.Applies(frame, Intents[^1], _lastFrame!))
        {
            // 开窗太吵了: the open window is too loud; turning the music down is only a guess.
            Intents.RemoveAt(Intents.Count - 1);
            intent = intent.AtMost(SlotExtractors.DoubtfulWords);
        }

        if (KeepsLast && NoLongerGoing.TakesBack(Intents[^1], _lastFrame!, intent, frame, text))
        {
            Intents.RemoveAt(Intents.Count - 1);
        }

        if (KeepsLast && WeighedRequests.OffersAnother(_lastFrame!, frame))
        {
            // 开窗还是开空调 asks which; 放周杰伦的歌，还是放林俊杰的吧 prefers the second.
            if (WeighedRequests.PrefersTheOther(text))
            {
                Intents.RemoveAt(Intents.Count - 1);
            }
            else
            {
                Weighed = true;
            }
        }

        _lastFrame = frame;
        if (Intents.Count == 0 || Intents[^1].ToString() != intent.ToString())
        {
            Intents.Add(intent);
        }
    }

    /// <summary>Marks the requests as weighed (开空调会费油吗).</summary>
    public void Weigh() => Weighed = true;

    /// <summary>
    /// 先去超市再回家: a second place waits for the first (a second route would replace it), unless the first was only a
    /// guess and this one is sure, which then replaces it.
    /// </summary>
    private bool WaitsForTheFirstPlace(Intent intent)
    {
        if (intent.Name != IntentNames.NavGo || Intents.FindIndex(i => i.Name == IntentNames.NavGo) is not (>= 0 and var first))
        {
            return false;
        }

        if (Intents[first].IsClear || !intent.IsClear)
        {
            return true;
        }

        Intents.RemoveAt(first);
        return false;
    }

    /// <summary>
    /// 别开窗 after 开窗; 先别导航 after 我要回家 (the navigation refused after a route, whatever it reads as); 打给小王，
    /// 不要打给小李 refuses another call, not this one.
    /// </summary>
    private static bool RefusesTheSame(Frame negated, Intent? refused, Intent asked) =>
        (refused?.Name == asked.Name && !NamesAnother(refused, asked))
        || (IsNavigation(asked) && (refused is not null ? IsNavigation(refused) : negated.Tags.Any(t => t.Has(NavigationConcept))));

    /// <summary>Whether a slot both requests fill holds another value in each.</summary>
    private static bool NamesAnother(Intent refused, Intent asked) =>
        refused.Slots.Any(s => asked[s.Key] is { } value && value != s.Value);

    private static bool IsNavigation(Intent intent) => intent.Name.StartsWith("nav.", StringComparison.Ordinal);

    private const string NavigationConcept = "dev:nav";

    private const string AmountGroup = "amt";

    private const string ComplaintConcept = "complaint";
}
