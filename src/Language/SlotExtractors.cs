using Car.Language.Model;
using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>
/// Fills a slot from a frame, by the extractor a rule names: positions and zones from position words, numbers
/// with their units and the amount words (一点 20 %, 一半 50 %, 最大 the top of the slot's range), deltas from
/// up/down words, concept values, and the speaker's own words through the lexicon's templates.
/// </summary>
public sealed class SlotExtractors
{
    private const double LittlePercent = 20;

    private readonly Lexicon _lexicon;
    private readonly List<string> _openers;
    private readonly List<string> _trailFillersButOf;

    public SlotExtractors(Lexicon lexicon)
    {
        _lexicon = lexicon;
        _trailFillersButOf = [.. lexicon.SlotWords("trailFillers").Where(w => w != "的")];
        _openers = [.. lexicon.SlotWords("leadFillers").Concat(lexicon.SlotWords("speakers"))
            .Concat(lexicon.SlotWords("requestOpeners")).Concat(lexicon.Fillers)
            .Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length)];
    }

    /// <param name="sureness">How sure the value is (see <see cref="DoubtfulWords"/>); 1 for all but the speaker's words.</param>
    public SlotValue? Extract(
        string extractor, Frame frame, string utterance, IntentDefinition intent, SlotDefinition slot, out double sureness,
        SegmentedText? words = null)
    {
        sureness = 1.0;
        if (extractor.StartsWith("concept:", StringComparison.Ordinal))
        {
            var group = extractor["concept:".Length..];
            return frame.AllTags.Select(t => t.Value(group)).FirstOrDefault(v => v is not null) is { } value
                ? SlotValue.Of(value)
                : null;
        }

        if (extractor.StartsWith("template:", StringComparison.Ordinal))
        {
            return SpeakerWords(extractor["template:".Length..], frame, utterance, words, out sureness);
        }

        if (extractor == "namedPlace")
        {
            return NamedPlace(frame, utterance, words, out sureness);
        }

        // The built-in extractors are named after the slot they fill; poiQuery fills poi.search's query.
        var extracted = extractor switch
        {
            SlotNames.Position => Position(frame) is { } position ? SlotValue.Of(position) : null,
            SlotNames.Zone => Zone(frame),
            SlotNames.Percent => Percent(frame, utterance),
            SlotNames.Level => Level(frame, utterance, slot),
            SlotNames.Value => Value(frame, utterance, slot),
            SlotNames.Delta => Delta(frame, utterance, intent),
            SlotNames.Color => frame.AllTags.FirstOrDefault(t => t.Has("color")) is { } color ? SlotValue.Of(color.Surface) : null,
            "poiQuery" => PoiQuery(frame, utterance),
            "phoneNumber" => frame.Tags.FirstOrDefault(t => t.Has(Tagger.PhoneNumberConcept)) is { } phone
                ? SlotValue.Of(phone.Surface.Replace("-", string.Empty, StringComparison.Ordinal))
                : null,
            _ => throw new InvalidOperationException($"Unknown slot extractor '{extractor}'."),
        };
        return extracted is { Number: { } number } && slot.Resolution is { } step
            ? SlotValue.Of(RoundHalfUp(number, step))
            : extracted;
    }

    /// <summary>
    /// To the nearest step of the slot's resolution, a half step up (toward +∞): 22.25 °C is 22.5, 22.75 is 23,
    /// −22.25 is −22; a volume of 20.5 is 21.
    /// </summary>
    public static double RoundHalfUp(double value, double step) =>
        Math.Round(Math.Floor((value / step) + 0.5) * step, 6);

    /// <summary>One position, or the one that covers several (主驾和副驾 → front, 左后和右后 → rear).</summary>
    public static string? Position(Frame frame)
    {
        var positions = frame.AllTags.SelectMany(t => t.Concepts)
            .Where(c => c.StartsWith("pos:", StringComparison.Ordinal) && c != "pos:any")
            .Select(c => c[4..])
            .Distinct()
            .ToList();
        if (positions.Count == 0)
        {
            return frame.HasConcept("pos:any") ? Positions.All : null;
        }

        if (positions.Count == 1)
        {
            return positions[0];
        }

        var set = positions.ToHashSet();
        if (set.Contains(Positions.All))
        {
            return Positions.All;
        }

        if (set.SetEquals([Positions.Driver, Positions.Passenger]))
        {
            return Positions.Front;
        }

        return set.SetEquals([Positions.RearLeft, Positions.RearRight])
            || set.SetEquals([Positions.Rear, Positions.RearLeft, Positions.RearRight])
            ? Positions.Rear
            : Positions.All;
    }

    private static SlotValue? Zone(Frame frame) => Position(frame) switch
    {
        Positions.Driver => SlotValue.Of(Zones.Driver),
        Positions.Passenger => SlotValue.Of(Zones.Passenger),
        Positions.Rear or Positions.RearLeft or Positions.RearRight => SlotValue.Of(Zones.Rear),
        Positions.All => SlotValue.Of(Zones.All),
        _ => null,
    };

    private static SlotValue? Percent(Frame frame, string utterance)
    {
        if (FirstNumber(frame, utterance, "num:percent", "num:bare") is { } number)
        {
            return SlotValue.Of(number);
        }

        return Amount(frame) switch
        {
            "little" => SlotValue.Of(LittlePercent),
            "half" => SlotValue.Of(50),
            "full" or "max" => SlotValue.Of(100),
            "min" => SlotValue.Of(0),
            _ => null,
        };
    }

    private static SlotValue? Level(Frame frame, string utterance, SlotDefinition slot)
    {
        if (FirstNumber(frame, utterance, "num:level", "num:bare") is { } number)
        {
            return SlotValue.Of(number);
        }

        return Amount(frame) switch
        {
            "max" or "full" => slot.Max is { } max ? SlotValue.Of(max) : null,
            "min" => slot.Min is { } min ? SlotValue.Of(Math.Max(min, 1)) : null,
            _ => null,
        };
    }

    private static SlotValue? Value(Frame frame, string utterance, SlotDefinition slot)
    {
        if (FirstNumber(frame, utterance, "num:degree", "num:bare", "num:percent", "num:level") is { } number)
        {
            return SlotValue.Of(number);
        }

        return Amount(frame) switch
        {
            "max" => slot.Max is { } max ? SlotValue.Of(max) : null,
            "min" => slot.Min is { } min ? SlotValue.Of(min) : null,
            // 音量开到一半: halfway through the range.
            "half" => slot is { Min: { } low, Max: { } high } ? SlotValue.Of((low + high) / 2) : null,
            _ => null,
        };
    }

    private static SlotValue? Delta(Frame frame, string utterance, IntentDefinition intent)
    {
        var direction = AdjustDirection.Of([.. frame.AllTags]);
        if (direction == 0)
        {
            return null;
        }

        var size = FirstNumber(frame, utterance, "num:degree", "num:level", "num:percent", "num:bare") ?? intent.DefaultDelta;
        return size is { } magnitude ? SlotValue.Of(direction * magnitude) : null;
    }

    /// <summary>
    /// The first number of the first kind said; in a range (音量从三十调到二十) the target, the last number, instead.
    /// </summary>
    private static double? FirstNumber(Frame frame, string utterance, params string[] kinds)
    {
        var numbers = frame.Tags.Where(t => t.Number is not null && kinds.Any(t.Has)).ToList();
        if (numbers.Count > 1 && numbers[0].Start > 0 && numbers[0].Start <= utterance.Length
            && utterance[numbers[0].Start - 1] == '从')
        {
            return numbers[^1].Number;
        }

        foreach (var kind in kinds)
        {
            if (frame.AllTags.FirstOrDefault(t => t.Has(kind)) is { Number: { } number })
            {
                return number;
            }
        }

        return null;
    }

    private static string? Amount(Frame frame) =>
        frame.AllTags.Select(t => t.Value("amt")).FirstOrDefault(a => a is not null);

    /// <summary>
    /// The words in a template's hole (给{}打电话 → 妈妈), cut at stop words, trimmed of the politeness and particles that
    /// can stand at their edges (<c>leadFillers</c>, <c>trailFillers</c>: 想 and 你 are not, 理想 and 爱你 are names) and of the lexicon's
    /// leading and trailing words for the slot (<c>{slot}Lead</c>, <c>{slot}Trail</c>: 我要听林小明的歌 → 林小明), and
    /// refused when they are a word the lexicon says is no value (<c>{slot}Reject</c>: 回到主页 is not a place) or contain
/// one (<c>{slot}RejectInside</c>: 路口右转 is a driving instruction, not a destination; a weak template's own list,
    /// <c>weakQueryRejectInside</c>, keeps 下载 and 放 out of a title before 这首歌).
    /// With the segmentation, trimming cuts only between words: 给我放一首理想 keeps 理想 although 想 is a filler.
    /// Templates are named after the slot they fill.
    /// </summary>
    private SlotValue? SpeakerWords(string name, Frame frame, string utterance, SegmentedText? segmented, out double sureness)
    {
        sureness = 1.0;
        var text = frame.Text(utterance);
        var passedCarrierWord = false;
        foreach (var template in _lexicon.Templates(name))
        {
            var match = template.Match(text);
            if (!match.Success)
            {
                continue;
            }

            var hole = match.Groups[1];
            if ((name == SlotNames.Query && match.Index > 0 && hole.Index + hole.Length == text.Length
                    && (IsRestOfCarrierWord(frame, segmented, frame.SpanStart + hole.Index, hole.Length)
                        || _lexicon.SlotWords("trailFillers").Contains(hole.Value)))
                || (passedCarrierWord && !EndsAtBoundary(segmented, frame.SpanStart + hole.Index + hole.Length)))
            {
                // 稻香播放: 播{} read 播放 as 播 + a title 放, and 稻香放一下 has only a filler after 放{}; the anchored
                // ^{}播放$ and ^{}放一下$ further on name the title. Past such a match a hole must end between words, or
                // 麻烦给我播放一首 would read as a title 麻烦给我播 before ^{}放一首$.
                passedCarrierWord = true;
                continue;
            }

            var span = new SpeakerSpan(hole.Value, frame.SpanStart + hole.Index, segmented);
            var slot = name.StartsWith("weak", StringComparison.Ordinal) ? char.ToLowerInvariant(name[4]) + name[5..] : name;
            var asksAboutTheRoute = false;
            if (slot == SlotNames.Destination)
            {
                // 去机场堵不堵, 去公司要多久: a question about the way there ends the place, and asks rather than orders;
                // so does one before it (还有多久到公司).
                var beforeQuestion = span.CutAtFirst(_lexicon.SlotWords("routeQuestions"));
                asksAboutTheRoute = beforeQuestion.Text.Length < span.Text.Length
                    || _lexicon.SlotWords("routeQuestionsBefore").Any(q => text.AsSpan(0, hole.Index).Contains(q, StringComparison.Ordinal));
                span = beforeQuestion.CutAtFirst(_lexicon.SlotWords("destinationStop"));
            }
            else if (slot == SlotNames.Contact && slot == name && hole.Index > 0)
            {
                // 打电话给我妈说我晚点回家: what to tell the one called (RelayedMessage), after a word for calling, is
                // not their name; before it (老张说他会打电话) someone reports, and the car asks about all of it.
                span = span.CutAtFirst(_lexicon.SlotWords(RelayedMessage.OpeningsList));
            }

            span = Clean(span.FromLast(_lexicon.SlotWords(slot + "Restart")), slot, weak: slot != name);
            if (passedCarrierWord && hole.Index == 0)
            {
                // 某首歌请播放, 某首歌帮我播放: the politeness before the carrier is not the title's.
                span = span.TrimEnd(_lexicon.SlotWords("leadFillers"));
                if (IsTalkBeforeCarrier(span) || OpensWithPreposition(span)
                    || _lexicon.SlotWords("questionWords").Any(q => span.Text.Contains(q, StringComparison.Ordinal)))
                {
                    // 你们能给我播放 asks for music and names none; 把收藏里的歌给我播放 names where, not what; 这是什么歌在播放
                    // asks what is playing.
                    return null;
                }
            }

            if (_lexicon.Fillers.Contains(span.Text) || _lexicon.SlotWords("trailFillers").Contains(span.Text))
            {
                return null;
            }

            if (slot != name && span.Text.Length > 0 && span.Words is { } cut && span.Start < cut.Text.Length
                && !(slot == SlotNames.Contact && span.Text.All(char.IsAsciiDigit))
                && (cut.WordAt(span.Start).Tag is "d" or "ad" or "zg" || IsPraise(span, cut) || IsOneWordOf(span, cut, "v", "vn", "r", "m")))
            {
                // 歌曲很好听 and 歌曲好听的 praise a song and 下载歌曲 does something else with one; they name none. A number
                // after 打电话 or 拨号 is whom to call, though jieba tags it a numeral.
                return null;
            }

            if (slot == SlotNames.Contact && slot != name && !ReadsAsAName(span))
            {
                // 打电话小王 names whom to call; 打电话问问 and 打电话打不通 say something else about a call.
                return null;
            }

            if (slot != name && _lexicon.SlotWords(name + "RejectInside").Any(r => span.Text.Contains(r, StringComparison.Ordinal)))
            {
                // A name before 歌曲 comes alone: 帮我放个歌曲 and 下载某某这首歌 ask for something else.
                return null;
            }

            if (slot == SlotNames.Query && _lexicon.SlotWords("queryDrop").Contains(span.Text))
            {
                return null;
            }

            if (slot == SlotNames.Theme)
            {
                var theme = TrimFillers(RemoveAll(span.Text, _lexicon.SlotWords("themeDrop")));
                sureness = Sureness(theme, text[..match.Index], slot, LongestName);
                return theme.Length > 0 ? SlotValue.Of(theme) : null;
            }

            // 音量加到12: a number alone is a setting, not a place.
            if (slot == SlotNames.Destination && (StartsWithKnownPlaceAndTalk(span) || span.Text.All(char.IsAsciiDigit)
                || (OpensWithAnAdverb(span) && text[..hole.Index].EndsWith(NavigationWord, StringComparison.Ordinal))
                || (hole.Index == 0 && match.Index == 0 && IsTalkBeforeCarrier(span))))
            {
                return null;
            }

            if (slot == SlotNames.Destination && _lexicon.SlotWords("homeSaidOtherwise").Contains(span.Text))
            {
                // 导航到家里, 去我家: home, as the car knows it (我 elsewhere in a place is talk).
                return SlotValue.Of(Home);
            }

            if (span.Text.Length == 0 || _lexicon.SlotWords(slot + "Reject").Contains(span.Text)
                || _lexicon.SlotWords(slot + "RejectInside").Any(r => span.Text.Contains(r, StringComparison.Ordinal))
                || (slot == SlotNames.Destination && IsOnlyAMeasure(span.Text)))
            {
                return null;
            }

            sureness = slot == SlotNames.Destination && _lexicon.SlotWords("destinationKnown").Contains(span.Text)
                ? 1.0
                : slot == SlotNames.Destination ? Sureness(span.Text, WithoutOpener(text[..match.Index]), slot, LongestAddress)
                : slot == SlotNames.Contact ? ContactSureness(span.Text, text[..match.Index])
                : Sureness(span.Text, text[..match.Index], slot, LongestName);
            if ((slot == SlotNames.Contact && !LooksLikeAContact(span)) || (slot == SlotNames.Destination && HasTalkParticle(span))
                || (slot is SlotNames.Contact or SlotNames.Destination && (OpensWithRequestWord(frame, span) || IsOnlyTalk(span)))
                || (slot == SlotNames.Destination && OpensWithAVerb(span) && !_lexicon.EndsInPlaceWord(span.Text))
                || asksAboutTheRoute)
            {
                sureness = Math.Min(sureness, DoubtfulWords);
            }

            return SlotValue.Of(span.Text);
        }

        return null;
    }

    /// <summary>
    /// 回家洗澡 and 回家以后 talk about going home (家 as a word, then more): no destination. 家乐福 is a name of its own.
    /// </summary>
    private bool StartsWithKnownPlaceAndTalk(SpeakerSpan span) =>
        _lexicon.SlotWords("destinationKnown").Any(k => span.Text.Length > k.Length && span.Text.StartsWith(k, StringComparison.Ordinal)
            && span.Words is { } words && words.IsBoundary(span.Start + k.Length));

    /// <summary>打开导航到X: opening the map before saying where is no other talk.</summary>
    private string WithoutOpener(string beforeCarrier) =>
        _lexicon.SlotWords("destinationOpeners").FirstOrDefault(o => beforeCarrier.StartsWith(o, StringComparison.Ordinal)) is { } opener
            ? beforeCarrier[opener.Length..]
            : beforeCarrier;

    /// <summary>The destination that means the owner's home (a known destination of the lexicon).</summary>
    public const string Home = "家";

    /// <summary>
    /// How sure the speaker's words are a value, below 1 for shapes a name rarely has; also how sure any request the
    /// car asks about instead of doing is (a plan, a state told, an action said to be impossible).
    /// </summary>
    public const double DoubtfulWords = 0.6;

    /// <summary>
    /// How sure the speaker's words are the slot's value: doubtful when the value is one character (回去吧 → 吧) that
    /// the lexicon does not list as a whole value of the slot (<c>{slot}Short</c>: 妈), longer than
    /// <see cref="LongestName"/>, ending or opening like something else (<c>{slot}DoubtfulEnd</c>,
    /// <c>{slot}DoubtfulStart</c>), or when the carrier word comes after other talk (你说要去看看热闹,
    /// 给我们打电话我们就来接): the car then asks instead of acting. What may stand before the carrier is politeness or
    /// a greeting (请, 你好, 喂), a pronoun, the assistant's name, or a word that hurries or repeats the request (赶紧,
    /// 再次): the lexicon's <c>leadFillers</c>, <c>speakers</c> and <c>requestOpeners</c> (<see cref="_openers"/>). Only
    /// lead fillers are also trimmed off a value: 快 or 马上 may begin a name.
    /// </summary>
    private double Sureness(string words, string beforeCarrier, string slot, int longest)
    {
        var digits = words.All(char.IsAsciiDigit);
        var shortValue = words.Length < 2 && !digits && !_lexicon.SlotWords(slot + "Short").Contains(words);
        if (shortValue || words.Length > longest)
        {
            return DoubtfulWords;
        }

        // 听某某路与某某路交汇, 唱首妇幼保健院: a title that ends like a place is more likely a misheard destination.
        // 去一个好地方, 打电话给你是和乔: a place or a contact that opens like talk names none for sure.
        if (_lexicon.SlotWords(slot + "DoubtfulEnd").Any(e => words.Length > e.Length && words.EndsWith(e, StringComparison.Ordinal))
            || _lexicon.SlotWords(slot + "DoubtfulStart").Any(w => words.Length > w.Length && words.StartsWith(w, StringComparison.Ordinal)))
        {
            return DoubtfulWords;
        }

        var rest = beforeCarrier.Trim(Punctuation);
        for (var opener = _openers.Find(w => rest.StartsWith(w, StringComparison.Ordinal)); opener is not null && rest.Length > 0;
             opener = _openers.Find(w => rest.StartsWith(w, StringComparison.Ordinal)))
        {
            rest = rest[opener.Length..].TrimStart(Punctuation);
        }

        // 他去上海出差了: what someone else does is told, not asked for.
        return rest.Length >= 2 || _lexicon.SlotWords("otherPeople").Any(p => rest.StartsWith(p, StringComparison.Ordinal))
            ? DoubtfulWords
            : 1.0;
    }

    private static readonly char[] Punctuation = SpeakerSpan.EdgePunctuation;

    /// <summary>A contact's name, kinship or title (王总, 二姑, 张师傅) longer than this is more likely talk.</summary>
    public const int LongestContact = 5;

    /// <summary>
    /// <see cref="Sureness"/> for a contact (which doubts one that opens with a word a contact does not,
    /// <c>contactDoubtfulStart</c>: 你是和乔, 有几本), also doubtful when longer than <see cref="LongestContact"/> (a number
    /// may be long) or with a pronoun after its start (<c>contactDoubtfulInside</c>: 基本都他会).
    /// </summary>
    private double ContactSureness(string words, string beforeCarrier)
    {
        var sureness = Sureness(words, beforeCarrier, SlotNames.Contact, LongestName);
        var talk = (words.Length > LongestContact && !words.All(char.IsAsciiDigit) && !SpokenNumber.IsSaidDigitByDigit(words))
            || _lexicon.SlotWords("contactDoubtfulInside").Any(w => words.IndexOf(w, 1, StringComparison.Ordinal) > 0);
        return talk ? Math.Min(sureness, DoubtfulWords) : sureness;
    }

    /// <summary>
    /// jieba's parts of speech that a contact's name is not made of: adverbs, prepositions, conjunctions, modal
    /// particles, time and direction words, verbs (刚才他, 老板我现在就, 开锁这个, 李少说话). Pronouns and 的 are
    /// (我妈, 亲爱的老婆).
    /// </summary>
    private static readonly HashSet<string> NotNameParts = new(StringComparer.Ordinal) { "d", "p", "c", "y", "t", "f", "v" };

    /// <summary>What a place's name ends in when it is an address: a province, city, county, district, town or road.</summary>
    private static readonly char[] AddressEnds = ['省', '市', '县', '区', '镇', '乡', '路', '街'];


    /// <summary>
    /// Whether the words after 打电话给 / before 打电话 read as a contact: a number alone or a name alone, not a number
    /// run into talk (663叮当你好), a stretch with words no name is made of (<see cref="NotNameParts"/>) nor an
    /// address (广东省). Without the segmentation, only the number check applies.
    /// </summary>
    private static bool LooksLikeAContact(SpeakerSpan span)
    {
        var text = span.Text;
        if (text.Any(char.IsAsciiDigit) && text.Any(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return false;
        }

        if (span.Words is not { } words || span.Start < 0 || span.Start + text.Length > words.Text.Length)
        {
            return true;
        }

        if (words.IsBoundary(span.Start) && words.WordAt(span.Start) is { Tag: WordDictionary.PlaceTag } place && place.Length == text.Length
            && AddressEnds.Any(text.EndsWith))
        {
            // 拨打广东省: a province, city or road is not whom the driver calls (the owner's contacts are trusted anyway).
            // jieba tags many other words as places too (二哥, 海洋), so only a name shaped like an address counts.
            return false;
        }

        var end = span.Start + text.Length;
        // One character of such a part is as often a piece of a name the dictionary does not know (王宝掌, 郝光与), but
        // no name opens with an adverb, a preposition, a conjunction or a particle (打电话不接, 打电话也不接).
        return !words.Any(w => w.Start < end && w.End > span.Start && w.Length > 1 && NotNameParts.Contains(w.Tag))
            && !(words.IsBoundary(span.Start) && NotNameOpeners.Contains(words.WordAt(span.Start).Tag));
    }

    /// <summary>
    /// A contact said without a carrier that marks it (打电话小王, not 打电话给小王) is one only when it reads as a name:
    /// a number, a kin word (<c>contactKin</c>: 老婆, 妈妈), a person's name as jieba tags it, or a surname
    /// (<c>surnames</c>, after 小, 老 or 阿 too) and one to three more characters.
    /// </summary>
    private bool ReadsAsAName(SpeakerSpan span)
    {
        var text = span.Text;
        if (text.Length >= 3 && text.All(char.IsAsciiDigit))
        {
            return true;
        }

        var surname = text.Length > 1 && text[0] is '小' or '老' or '阿' ? text[1..] : text; // 小王, 老张
        if (_lexicon.SlotWords("contactKin").Contains(text)
            || (text.Length is >= 2 and <= 4 && _lexicon.SlotWords("surnames").Contains(surname[..1]) && LooksLikeAContact(span)))
        {
            return true;
        }

        return span.Words is { } words && span.Start >= 0 && span.Start < words.Text.Length && words.IsBoundary(span.Start)
            && IsOneWordOf(span, words, "nr", "nrfg", "nrt");
    }

    /// <summary>
    /// Whether a destination has a word no place's name has: a modal particle, 了, an interjection (去了呢某某号,
    /// 先到医院太难听了): a sentence about going somewhere, asked about rather than driven to.
    /// </summary>
    private static bool HasTalkParticle(SpeakerSpan span)
    {
        if (span.Words is not { } words || span.Start < 0 || span.Start + span.Text.Length > words.Text.Length)
        {
            return false;
        }

        var end = span.Start + span.Text.Length;
        return words.Any(w => w.Start >= span.Start && w.End <= end && TalkParticles.Contains(w.Tag));
    }

    /// <summary>jieba's modal particles, 了 and interjections.</summary>
    private static readonly HashSet<string> TalkParticles = new(StringComparer.Ordinal) { "y", "ul", "e" };

    /// <summary>jieba's parts of speech no contact opens with, even as one character: adverbs, prepositions, conjunctions, particles.</summary>
    private static readonly HashSet<string> NotNameOpeners = new(StringComparer.Ordinal) { "d", "p", "c", "y", "u" };

    /// <summary>A name, title or place longer than this is more likely talk than a value.</summary>
    public const int LongestName = 16;

    /// <summary>A destination may be a whole address (省 市 区 路 号): longer than a name before it is doubtful.</summary>
    public const int LongestAddress = 24;

    /// <summary>
    /// An adjective and at most particles after it (好听, 好听的, 好听啊): said of a song, not its name. An adjective that
    /// starts a longer name (小幸运 is 小 and 幸运) is a title.
    /// </summary>
    private static bool IsPraise(SpeakerSpan span, SegmentedText words)
    {
        var first = words.WordAt(span.Start);
        if (first.Tag != "a")
        {
            return false;
        }

        for (var at = first.Start + first.Length; at < span.Start + span.Text.Length;)
        {
            var word = words.WordAt(at);
            if (!word.Tag.StartsWith('u') && !word.Tag.StartsWith('y'))
            {
                return false;
            }

            at = word.Start + word.Length;
        }

        return true;
    }

    /// <summary>
    /// What stands before a carrier that follows its place (某某导航) and is no place: words of talk or numbers only
    /// (保持导航, 一直保持导航, 只是导航, 三九六导航), or 小 and one character, the way assistants and people are called
    /// (小智导航).
    /// </summary>
    private static bool IsTalkBeforeCarrier(SpeakerSpan span) =>
        (span.Text.Length == 2 && span.Text[0] == '小')
        || (span.WordsInside() is { Count: > 0 } inside && inside.All(w => TalkBeforeCarrierTags.Contains(w.Tag)));

    private static readonly string[] TalkBeforeCarrierTags = ["v", "vn", "vd", "d", "c", "p", "r", "m", "t"];

    /// <summary>
    /// Whether a template's hole is only the rest of a request word its carrier cut (the 放 of 播放, where 播{}
    /// matched): the hole opens inside a word of the segmentation that the lexicon tagged as an action, and ends with
    /// it, fillers after it aside.
    /// </summary>
    private bool IsRestOfCarrierWord(Frame frame, SegmentedText? words, int start, int length)
    {
        if (words is null || start <= 0 || start >= words.Text.Length || words.IsBoundary(start))
        {
            return false;
        }

        var word = words.WordAt(start);
        if (!frame.Tags.Any(t => t.IsAction && t.Start == word.Start && t.End == word.End))
        {
            return false;
        }

        var end = word.End;
        var rest = start + length - end;
        return rest == 0 || (rest > 0 && _lexicon.SlotWords("trailFillers").Contains(words.Text.Substring(end, rest)));
    }

    /// <summary>导航到打开地图: a name does not open with something the car is asked to do.</summary>
    private static bool OpensWithRequestWord(Frame frame, SpeakerSpan span) =>
        frame.Tags.Any(t => t.IsAction && t.Start == span.Start && t.End - t.Start >= 2 && t.End < span.Start + span.Text.Length);

    /// <summary>
    /// 打电话给为何: words that are all talk (pronouns, adverbs, conjunctions, particles) name nobody and
    /// nowhere. Verbs are not talk here: jieba tags many towns as verbs (辛集, 正定).
    /// </summary>
    private static bool IsOnlyTalk(SpeakerSpan span) =>
        span.OpeningWord is not null && span.WordsInside() is { Count: > 0 } inside
        && inside[^1].End == span.Start + span.Text.Length && inside.All(w => OnlyTalkTags.Contains(w.Tag));

    private static readonly string[] OnlyTalkTags = ["r", "d", "c", "p", "y", "e", "o", "u", "uj", "ul", "uz", "ug", "uv", "ud"];

    /// <summary>
    /// 去接孩子, 去看电影: a destination that opens with a one-character verb and goes on is what the driver will do
    /// there, not where, unless it ends in a place word (花果园, 如家酒店: <see cref="Model.Lexicon.EndsInPlaceWord"/>);
    /// a town jieba tags as a verb (辛集) is one word and is not counted.
    /// </summary>
    private static bool OpensWithAVerb(SpeakerSpan span) =>
        span.OpeningWord is { Length: 1, Tag: "v" } verb && verb.End < span.Start + span.Text.Length;

    private static bool OpensWithPreposition(SpeakerSpan span) => span.OpeningWord is { Tag: "p" };

    private const string NavigationWord = "导航";

    /// <summary>导航真不靠谱, 导航又绕路了: words right after 导航 that open with an adverb say something about it, not where to go.</summary>
    private static bool OpensWithAnAdverb(SpeakerSpan span) => span.OpeningWord is { Tag: "d" } adverb && adverb.End < span.Start + span.Text.Length;

    private static bool EndsAtBoundary(SegmentedText? words, int end) =>
        words is null || end >= words.Text.Length || words.IsBoundary(end);

    /// <summary>Whether the span is one word of the segmentation, of one of <paramref name="tags"/> (下载, 这).</summary>
    private static bool IsOneWordOf(SpeakerSpan span, SegmentedText words, params string[] tags) =>
        words.WordAt(span.Start) is var word && word.Length == span.Text.Length && tags.Contains(word.Tag);

    /// <summary>
    /// 二十六度, 三档, 百分之五十, 二十: a number with at most a unit after it (<c>measureUnits</c>) is a setting the
    /// speaker reached with 到 (调高到二十六度), never a place; 798艺术区 has a name after the number.
    /// </summary>
    private bool IsOnlyAMeasure(string text)
    {
        var length = ChineseNumberScanner.Scan(text, 0, out _, out _);
        return length > 0 && (length == text.Length || _lexicon.SlotWords("measureUnits").Contains(text[length..]));
    }

    /// <summary>
    /// The span without punctuation, fillers and the slot's leading and trailing words. A query's politeness stays
    /// (我要飞得更高 is a title) except in a weak template, where the name comes first (帮我找找某某这首歌).
    /// </summary>
    private SpeakerSpan Clean(SpeakerSpan span, string slot, bool weak = false)
    {
        var leads = _lexicon.SlotWords(slot + "Lead");
        var trails = _lexicon.SlotWords(slot + "Trail");
        var changed = true;
        while (changed && span.Text.Length > 0)
        {
            var before = span.Text;
            span = span.Trim(Punctuation);

            // A title can open with 我要 or 我想 (我要飞得更高); the query's carriers already took the politeness.
            span = slot == SlotNames.Query && !weak ? span : span.TrimStart(_lexicon.SlotWords("leadFillers"));
            // 钢铁是怎样炼成的: a 的 after a verb ends the title.
            var trailFillers = slot == SlotNames.Query && span.EndsInVerbOf() ? _trailFillersButOf : _lexicon.SlotWords("trailFillers");
            span = span.TrimEnd(trailFillers).TrimStart(leads).TrimEnd(trails);
            changed = span.Text != before;
        }

        return span;
    }

    /// <summary>
    /// A place search keeps the speaker's words once the search verbs and generic category words are gone
    /// (推荐一家川菜馆 → 川菜, 附近有没有麦当劳 → 麦当劳, 我饿了 → none). Words the lexicon marks <c>query</c> stay; a word
    /// saying when, passing by, searching or why (<c>poiNoName</c>: 先, 顺便, 途经, 查, 住一晚) is no name when it is all
    /// that is left.
    /// </summary>
    private SlotValue? PoiQuery(Frame frame, string utterance)
    {
        var kept = new System.Text.StringBuilder();
        var end = Math.Min(frame.SpanEnd, utterance.Length);
        for (var i = frame.SpanStart; i < end; i++)
        {
            var covering = frame.Tags.FirstOrDefault(t => t.Start <= i && i < t.End);
            if (covering is null || covering.Has("query"))
            {
                kept.Append(utterance[i]);
            }
        }

        var rest = TrimFillers(RemoveAll(RemoveAll(kept.ToString(), _lexicon.Fillers), _lexicon.SlotWords("poiDrop")));
        // 先去加油站再去公司, 查一下附近的加油站: when to go (先) or the search itself (查) is no name; 先锋加油站 keeps it.
        if (_lexicon.SlotWords("poiNoName").Contains(rest))
        {
            rest = string.Empty;
        }

        return rest.Length > 0 && rest.Any(char.IsLetterOrDigit) ? SlotValue.Of(rest) : null;
    }

    /// <summary>
    /// A destination that names a place of a category (如家酒店, 万达广场): the speaker's words after 去/导航到, kept
    /// only when a name remains once the category words and the search words are gone (去最近的加油站 is a search);
    /// as sure as the speaker's words are (他们说去如家酒店 is asked about).
    /// </summary>
    private SlotValue? NamedPlace(Frame frame, string utterance, SegmentedText? words, out double sureness)
    {
        if (SpeakerWords(SlotNames.Destination, frame, utterance, words, out sureness) is not { Text: { } destination })
        {
            return null;
        }

        var name = frame.Tags.Where(t => t.HasGroup("cat"))
            .Aggregate(destination, (rest, tag) => rest.Replace(tag.Surface, string.Empty, StringComparison.Ordinal));
        name = TrimFillers(RemoveAll(RemoveAll(name, _lexicon.Fillers), _lexicon.SlotWords("poiDrop")));
        return name.Any(char.IsLetterOrDigit) ? SlotValue.Of(destination) : null;
    }

    private string TrimFillers(string words)
    {
        var trimmed = true;
        words = words.Trim(' ', ',', '，', '。', '、', '的');
        while (trimmed && words.Length > 0)
        {
            trimmed = false;
            foreach (var filler in _lexicon.Fillers)
            {
                if (words.StartsWith(filler, StringComparison.Ordinal) && words.Length > filler.Length)
                {
                    words = words[filler.Length..];
                    trimmed = true;
                }
                else if (words.EndsWith(filler, StringComparison.Ordinal) && words.Length > filler.Length)
                {
                    words = words[..^filler.Length];
                    trimmed = true;
                }
            }

            words = words.Trim(' ', ',', '，', '。', '、', '的');
        }

        return words;
    }

    private static string RemoveAll(string text, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            text = text.Replace(word, string.Empty, StringComparison.Ordinal);
        }

        return text.Trim();
    }
}
