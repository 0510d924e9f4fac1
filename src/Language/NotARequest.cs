using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// Words that match a request's rule but say something else, so the car must not act on them: a request inside a
/// time clause (给她打电话的时候她在做饭 tells what happened), one the speaker takes back at once (给小王打电话不对…:
/// what follows the correction is parsed on its own), car words inside a song's name (热热热的歌曲, 大风歌曲), a
/// bare temperature no cabin is set to (零度, said without 空调 or 温度: a name, or the weather), a question about
/// something stopping (怎么突然不导航了), a thing named after a cabin request (开窗的按钮在哪), a place's door
/// (加油站关门了), and what is told rather than asked for (<see cref="ToldNotAsked"/>).
/// </summary>
public sealed class NotARequest(Lexicon lexicon)
{
    /// <summary>A temperature said without a climate word is a setting only in this range (°C); the car's own limits are the policy's.</summary>
    public const double LowestBareTemperature = 10;

    /// <inheritdoc cref="LowestBareTemperature"/>
    public const double HighestBareTemperature = 40;

    private readonly IReadOnlyList<string> _timeClauses = lexicon.SlotWords("timeClauseTrails");
    private readonly IReadOnlyList<string> _titles = lexicon.SlotWords("songTitleTrails");
    private readonly IReadOnlyList<string> _questionAdverbs = lexicon.SlotWords("questionAdverbs");
    private readonly ToldNotAsked _told = new(lexicon);

    /// <summary>Whether <paramref name="intent"/>, read from <paramref name="frame"/> of <paramref name="text"/>, is not a request after all.</summary>
    /// <param name="tags">All of the utterance's tags: a correction right after the frame takes it back.</param>
    public bool Applies(Intent intent, Frame frame, string text, IReadOnlyList<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tags);
        var after = frame.Tags.Count == 0 ? frame.SpanEnd : frame.Tags.Max(t => t.End);
        var rest = after <= text.Length ? text.AsSpan(after) : [];
        if (WordLists.StartsWithAny(rest, _timeClauses) || frame.Tags.Any(t => IsTimeClause(text, t))
            || tags.Any(t => IsMusicInTitle(frame, t) && IsTimeClause(text, t))
            || (!IsMedia(intent) && EndsWithTimeClause(frame, text)) || IsTakenBack(frame, text, tags)
            || AsksWhyItStops(frame, text) || _told.Applies(frame, text) || NamesAThing(intent, frame, text)
            || IsAPlacesDoor(intent, frame, text, tags))
        {
            return true;
        }

        // Media requests act on songs (下一首歌曲, 暂停歌曲): only other requests are a title's words.
        if (!IsMedia(intent) && WordLists.StartsWithAny(rest, _titles))
        {
            return true;
        }

        return intent.Name == IntentNames.ClimateSetTemperature
            && !frame.AllTags.Any(t => t.Has("dev:temperature") || t.Has("dev:climate"))
            && intent[SlotNames.Value]?.Number is { } degrees
            && degrees is < LowestBareTemperature or > HighestBareTemperature;
    }

    /// <summary>
    /// 怎么突然不导航了, 为什么又关空调: a question word right before stopping something (an adverb such as 又 or 还 between
    /// them, lexicon <c>questionAdverbs</c>) asks why it stops, or complains that it did; it is no request to stop it.
    /// </summary>
    private bool AsksWhyItStops(Frame frame, string text) =>
        frame.Tags.Any(ask => ask.Has("ask") && frame.Tags.Any(stop => (stop.Has("act:cancel") || stop.Has("act:close"))
            && stop.Start >= ask.End && stop.Start <= text.Length
            && (IsBlank(text, ask.End, stop.Start) || _questionAdverbs.Contains(text[ask.End..stop.Start]))));

    /// <summary>
    /// 开窗的按钮在哪, 打开车窗的方法: a request about the cabin whose last word is followed by 的 and a word of its own
    /// names a thing (the button, the way); 把空调开到最大的 and 打开空调的内循环 still ask.
    /// </summary>
    private static bool NamesAThing(Intent intent, Frame frame, string text)
    {
        if (frame.Tags.Count == 0 || !IsAboutTheCabin(intent.Name))
        {
            return false;
        }

        // 除雾的原理是什么: 是 after the thing named is not the request's.
        var last = frame.Tags.LastOrDefault(t => !t.Has(ConfirmConcept)) ?? frame.Tags[^1];
        return (last.IsAction || last.HasGroup(DeviceGroup)) && last.End + 1 < text.Length && text[last.End] == Of
            && char.IsLetter(text[last.End + 1]) && !Particles.Contains(text[last.End + 1]);
    }

    private const char Of = '的';

    private const string ConfirmConcept = "confirm";

    /// <summary>
    /// 加油站关门了, 商店开门了吗: a door right after a place (a category word, and at most the action between them) is
    /// the place's, open or closed for business; the car's doors stay as they are.
    /// </summary>
    private static bool IsAPlacesDoor(Intent intent, Frame frame, string text, IReadOnlyList<Tag> tags)
    {
        if (intent.Name is not (IntentNames.DoorLock or IntentNames.DoorUnlock)
            || frame.Tags.FirstOrDefault(t => t.Has(DoorConcept)) is not { } door)
        {
            return false;
        }

        return tags.Any(place => place.HasGroup(PlaceGroup) && place.End <= door.Start && door.Start - place.End <= LongestActionBetween
            && tags.All(t => t.End <= place.End || t.Start >= door.Start || t.IsAction));
    }

    private const string DoorConcept = "dev:door";

    private const string PlaceGroup = "cat";

    /// <summary>打开 between 商店 and 门 at most.</summary>
    private const int LongestActionBetween = 2;

    private const string DeviceGroup = "dev";

    private const string Particles = "吧啊呀了呢吗的哦";

    /// <summary>Requests that move something in the cabin, not media, routes, calls or questions.</summary>
    private static bool IsAboutTheCabin(string intent) =>
        !NotCabin.Any(prefix => intent.StartsWith(prefix, StringComparison.Ordinal));

    private static readonly string[] NotCabin = ["media.", "nav.", "poi.", "phone.", "trip.", "status.", "comfort.", "assistant."];

    /// <summary>
    /// 冷的话开空调, 播放音乐的时候声音小一点: a need or request word right before 的时候 or 的话 opens a clause that sets
    /// when, not what (a car word inside a title the request took is still one: 音乐 here).
    /// </summary>
    private bool IsTimeClause(string text, Tag tag) =>
        (tag.IsHead || tag.IsAction) && tag.End <= text.Length && WordLists.StartsWithAny(text.AsSpan(tag.End), _timeClauses);

    /// <summary>The frame ends where a correction (不对, 说错了) starts, with nothing but a pause between them.</summary>
    private static bool IsTakenBack(Frame frame, string text, IReadOnlyList<Tag> tags) =>
        tags.Any(t => t.Start >= frame.SpanEnd && t.Has(FrameBuilder.CorrectionConcept) && IsBlank(text, frame.SpanEnd, t.Start));

    /// <summary>Whether nothing but punctuation and spaces stands between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static bool IsBlank(string text, int from, int to) =>
        to >= from && text.AsSpan(from, Math.Min(to, text.Length) - from).IndexOfAnyExcept(Pauses) < 0;

    private static readonly System.Buffers.SearchValues<char> Pauses = System.Buffers.SearchValues.Create(" ,，。!！?？、");

    /// <summary>
    /// 播放音乐的时候…: a word for music inside the frame that the play word took into its title is still the request's
    /// own (回家 inside 播放回家的路上 is the title's).
    /// </summary>
    private static bool IsMusicInTitle(Frame frame, Tag tag) =>
        tag.Has(MusicConcept) && tag.Start >= frame.SpanStart && tag.End <= frame.SpanEnd;

    private const string MusicConcept = "dev:media";

    /// <summary>去机场的路上: what the request says ends with 的时候, 的话 or 的路上 (the place between is no tag).</summary>
    private bool EndsWithTimeClause(Frame frame, string text) =>
        WordLists.EndsWithAny(
            text.AsSpan(frame.SpanStart, Math.Min(frame.SpanEnd, text.Length) - frame.SpanStart).TrimEnd(SpeakerSpan.EdgePunctuation),
            _timeClauses);

    /// <summary>A media request: what follows its words may be a title (播放不要在我寂寞的时候).</summary>
    private static bool IsMedia(Intent intent) => intent.Name.StartsWith("media.", StringComparison.Ordinal);
}
