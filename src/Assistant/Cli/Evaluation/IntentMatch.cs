using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>
/// Whether a parsed intent says what an expected one says: the same name and the same mapped slots. media.play
/// compares the speaker's strings in query/artist/title/style as a set, whatever their role; nav.go its destination and
/// preference; phone.call its contact; poi.search its category. Other intents compare by name.
/// </summary>
internal static class IntentMatch
{
    private static readonly string[] MediaSlots = [SlotNames.Query, SlotNames.Artist, SlotNames.Title, SlotNames.Style];

    public static bool Same(Intent expected, Intent actual) =>
        expected.Name == actual.Name && expected.Name switch
        {
            IntentNames.MediaPlay => SameMedia(MediaStrings(expected), MediaStrings(actual)),
            IntentNames.NavGo => SlotText.Normalize(expected.Text(SlotNames.Destination)) == SlotText.Normalize(actual.Text(SlotNames.Destination))
                && expected.Text(SlotNames.Preference) == actual.Text(SlotNames.Preference),
            IntentNames.PhoneCall => SlotText.Contact(expected.Text(SlotNames.Contact)) == SlotText.Contact(actual.Text(SlotNames.Contact)),
            IntentNames.PoiSearch => expected.Text(SlotNames.Category) == actual.Text(SlotNames.Category),
            _ => true,
        };

    public static bool SameList(IReadOnlyList<Intent> expected, IReadOnlyList<Intent> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(pair => Same(pair.First, pair.Second));

    /// <summary>
    /// Whether a media.play searches for what the expected one names, said as one string: the corpus labels 播放凤凰传奇的荷塘月色
    /// as singer 凤凰传奇 and song 荷塘月色, and a search for 凤凰传奇的荷塘月色 finds that song. The string must be made of
    /// every expected value (either alternative), each once, in any order, with only <see cref="Connectives"/> between
    /// them. Not exact (the values are not apart as labelled), not wrong (the car plays what was asked).
    /// </summary>
    public static bool SearchesTheSame(Intent expected, Intent actual)
    {
        if (expected.Name != IntentNames.MediaPlay || actual.Name != IntentNames.MediaPlay)
        {
            return false;
        }

        var wanted = MediaStrings(expected).Select(v => v.Split(Alternatives).Select(SlotText.Normalize).ToArray()).ToList();
        var said = MediaStrings(actual);
        return wanted.Count >= 2 && said.Count == 1 && MadeOf(said.Single(), 0, wanted);
    }

    /// <summary>What may stand between a singer, a song and a style in one search: 的, 和, 与, 跟, 唱, 版, a space.</summary>
    private const string Connectives = "的和与跟唱版 ";

    private static bool MadeOf(string text, int at, List<string[]> left)
    {
        if (at == text.Length)
        {
            return left.Count == 0;
        }

        if (Connectives.Contains(text[at], StringComparison.Ordinal) && MadeOf(text, at + 1, left))
        {
            return true;
        }

        for (var i = 0; i < left.Count; i++)
        {
            foreach (var value in left[i].Where(v => v.Length > 0 && string.CompareOrdinal(text, at, v, 0, v.Length) == 0))
            {
                var rest = left.Where((_, j) => j != i).ToList();
                if (MadeOf(text, at + value.Length, rest))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True for an intent that would change the car, navigate, play or call, said clearly enough to act on.</summary>
    public static bool Acts(Intent intent) =>
        intent.IsClear && intent.Name is not (IntentNames.StatusQuery or IntentNames.PoiSearch or IntentNames.TripRecommend or IntentNames.AssistantCancel);

    /// <summary>The corpus's way of writing what was heard and what was meant: 稳稳的体验||体面 (ASR heard 体验, the song is 体面).</summary>
    public const string Alternatives = "||";

    /// <summary>
    /// Each expected string matches one said string, and none is left over. An expected string may list the words
    /// heard and the words meant (<see cref="Alternatives"/>); either is what the speaker asked for.
    /// </summary>
    private static bool SameMedia(HashSet<string> expected, HashSet<string> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        var left = new HashSet<string>(actual, StringComparer.Ordinal);
        foreach (var value in expected)
        {
            var said = value.Split(Alternatives).Select(SlotText.Normalize).FirstOrDefault(left.Contains);
            if (said is null)
            {
                return false;
            }

            left.Remove(said);
        }

        return true;
    }

    private static HashSet<string> MediaStrings(Intent intent) =>
        [.. intent.Slots.Where(s => MediaSlots.Contains(s.Key) && s.Value.Text is not null)
            .Select(s => SlotText.Normalize(s.Value.Text))
            .Where(s => s.Length > 0)];
}
