using Car.Language.Gazetteers;
using Car.Language.SoundAlike;

namespace Car.Language;

/// <summary>
/// A name of the owner's the recogniser spelled otherwise: one that sounds the same (toneless pinyin, the usual
/// confusions) as a contact, a saved place or a title, singer or album of the media library, and is not in them as
/// heard. 打电话给王小云 when the book has 王晓芸 calls 王晓芸 and 导航到王家岭 when the saved places have 汪家岭 goes
/// there, each asked about first (您是要打电话给王晓芸吗？): the driver may have meant someone or somewhere the files do
/// not hold. A title of four characters or more plays in the library's spelling (播放青歌赛过春江水 → 情歌赛过春江水)
/// without a question: the driver asked to play, and what sounds exactly like it is what a search would find. Only a
/// whole value that sounds like a whole name is taken.
/// </summary>
public static class MisheardName
{
    private static readonly string[] PlayedSlots = [SlotNames.Query, SlotNames.Title, SlotNames.Artist];

    public static Intent Repair(Intent intent, RuleParserResources resources)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(resources);
        var names = resources.Names;
        return intent.Name switch
        {
            IntentNames.PhoneCall => Asked(intent, SlotNames.Contact, resources.ContactSoundAlikes, n => names.Contains(GazetteerKind.Contact, n)),
            IntentNames.NavGo => Asked(intent, SlotNames.Destination, resources.PlaceSoundAlikes, n => names.Contains(GazetteerKind.Place, n)),
            IntentNames.MediaPlay => PlayedSlots.Aggregate(intent, (played, slot) => Played(played, slot, resources)),
            _ => intent,
        };
    }

    /// <summary>
    /// A name of the owner's said alone (fillers aside: <paramref name="core"/>), asked about before the car acts: a
    /// contact (马斌 → 您是要打电话给马斌吗？) or a name that sounds like one, a name that sounds like a saved place (王家岭
    /// for 汪家岭), or a long title, singer or album of the library; each in the owner's spelling. Null when it is none
    /// of these, or a contact that is also a place or in the library (which one is meant is not said).
    /// </summary>
    public static Intent? SaidAlone(string core, RuleParserResources resources)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(resources);
        var names = resources.Names;
        if (names.Contains(GazetteerKind.Contact, core))
        {
            return names.Contains(GazetteerKind.Place, core) || names.IsInLibrary(core) ? null : AskedAbout(IntentNames.PhoneCall, SlotNames.Contact, core);
        }

        if (resources.PlaceSoundAlikes is { } places && !names.Contains(GazetteerKind.Place, core) && Whole(places, core) is { } place)
        {
            return AskedAbout(IntentNames.NavGo, SlotNames.Destination, place);
        }

        if (resources.ContactSoundAlikes is { } contacts && Whole(contacts, core) is { } contact)
        {
            return AskedAbout(IntentNames.PhoneCall, SlotNames.Contact, contact);
        }

        return LibraryName(core, resources) is { } title ? AskedAbout(IntentNames.MediaPlay, SlotNames.Query, title) : null;
    }

    private static Intent AskedAbout(string intent, string slot, string value) =>
        new(intent, [new(slot, SlotValue.Of(value))]) { Confidence = SlotExtractors.DoubtfulWords };

    /// <summary>
    /// The library's name that sounds like <paramref name="heard"/>, or null. Only names of
    /// <see cref="PlayedAlone.ShortestSureLibraryName"/> characters or more: a library of thousands has a sound-alike
    /// for most words of two or three (唱歌 and 长歌, 南京 and 蓝鲸).
    /// </summary>
    public static string? LibraryName(string heard, RuleParserResources resources)
    {
        ArgumentNullException.ThrowIfNull(heard);
        ArgumentNullException.ThrowIfNull(resources);
        return resources.LibrarySoundAlikes is { } library && heard.Length >= PlayedAlone.ShortestSureLibraryName
            && !resources.Names.IsInLibrary(heard)
            ? Whole(library, heard)
            : null;
    }

    private static Intent Asked(Intent intent, string slot, SoundAlikeMatcher? matcher, Func<string, bool> known)
    {
        if (matcher is null || intent.Text(slot) is not { } heard || known(heard) || Whole(matcher, heard) is not { } name)
        {
            return intent;
        }

        return intent.With(slot, SlotValue.Of(name)).AtMost(SlotExtractors.DoubtfulWords);
    }

    private static Intent Played(Intent intent, string slot, RuleParserResources resources)
    {
        if (intent.Text(slot) is not { } heard || LibraryName(heard, resources) is not { } name)
        {
            return intent;
        }

        return intent.With(slot, SlotValue.Of(name));
    }

    private static string? Whole(SoundAlikeMatcher matcher, string heard) =>
        matcher.Find(heard) is [{ Start: 0 } match] && match.Length == heard.Length ? match.Word : null;
}
