using Car.Language.Gazetteers;
using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// A relative called by another of their names: the owner's book has 老妈 and the driver says 打电话给妈妈 or 给我妈打电话.
/// The names one relative goes by are a group of the lexicon (<c>contactKinNames</c>: 妈妈|老妈|妈|母亲); a possessive
/// before it (我, 我的, 我家) is the driver's, not the name's. When exactly one contact of the book is in the group, the
/// call goes to that contact: at once when only the possessive differed (我老婆 for 老婆), asked about first otherwise
/// (您是要打电话给老妈吗？), since a book may hold 妈妈 for the driver's mother-in-law. Two contacts in the group (妈妈
/// and 老妈) leave the name as heard.
/// </summary>
public sealed class KinContact
{
    private const char NameMark = '|';
    private readonly IReadOnlyList<string[]> _groups;
    private readonly IReadOnlyList<string> _possessives;

    public KinContact(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _groups = lexicon.SlotWords("contactKinNames").Select(group => group.Split(NameMark)).ToList();
        _possessives = lexicon.SlotWords("kinPossessives").OrderByDescending(p => p.Length).ToList();
    }

    public Intent Repair(Intent intent, Gazetteer names)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(names);
        if (intent.Name != IntentNames.PhoneCall || intent.Text(SlotNames.Contact) is not { } heard
            || names.CountOf(GazetteerKind.Contact) == 0 || names.Contains(GazetteerKind.Contact, heard))
        {
            return intent;
        }

        var name = _possessives.FirstOrDefault(p => heard.Length > p.Length && heard.StartsWith(p, StringComparison.Ordinal)) is { } possessive
            ? heard[possessive.Length..]
            : heard;
        if (names.Contains(GazetteerKind.Contact, name))
        {
            return intent.With(SlotNames.Contact, SlotValue.Of(name));
        }

        var inTheBook = _groups.Where(g => g.Contains(name)).SelectMany(g => g)
            .Distinct().Where(n => names.Contains(GazetteerKind.Contact, n)).ToList();
        return inTheBook is [var contact]
            ? intent.With(SlotNames.Contact, SlotValue.Of(contact)).AtMost(SlotExtractors.DoubtfulWords)
            : intent;
    }
}
