using Car.Language.Gazetteers;
using Car.Language.SoundAlike;

namespace Car.Language;

/// <summary>
/// A contact the recogniser spelled otherwise: 打电话给王小云 when the owner's book has 王晓芸, which sounds the same
/// (toneless pinyin, the usual confusions). The call goes to the contact in the book, asked about first
/// (您是要打电话给王晓芸吗？): the driver may have meant someone the book does not hold.
/// </summary>
public static class MisheardContact
{
    public static Intent Repair(Intent intent, Gazetteer names, SoundAlikeMatcher? contacts)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(names);
        if (contacts is null || intent.Name != IntentNames.PhoneCall || intent.Text(SlotNames.Contact) is not { } heard
            || names.Contains(GazetteerKind.Contact, heard))
        {
            return intent;
        }

        return contacts.Find(heard) is [{ Start: 0 } match] && match.Length == heard.Length
            ? intent.With(SlotNames.Contact, SlotValue.Of(match.Word)) with
            {
                Confidence = Math.Min(intent.Confidence, SlotExtractors.DoubtfulWords),
            }
            : intent;
    }
}
