using Car.Language.Gazetteers;

namespace Car.Assistant.Policy;

/// <summary>
/// The owner's contacts as the car knows them: the <c>contact</c> lines of the gazetteer files
/// (<c>Language:Gazetteers</c>, <c>--gazetteer</c>), later the phone's own book. When it lists anyone, the car calls
/// only a name in it or a number, as a head unit dialling through the phone can: 打电话给东风 with no 东风 in the book
/// is refused with the reason instead of calling whatever was heard. With no contacts given the car cannot check, and
/// calls the name as heard.
/// </summary>
public sealed class PhoneBook
{
    private readonly Gazetteer _names;

    public PhoneBook(Gazetteer names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = names;
    }

    public static PhoneBook None { get; } = new(Gazetteer.Empty);

    /// <summary>Whether any contact is known; without one, nothing can be checked.</summary>
    public bool IsKnown => _names.CountOf(GazetteerKind.Contact) > 0;

    /// <summary>Whether the car may call <paramref name="contact"/>: a number, a name in the book, or anyone when no book is known.</summary>
    public bool MayCall(string contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return !IsKnown || contact.All(char.IsAsciiDigit) || _names.Contains(GazetteerKind.Contact, contact);
    }
}
