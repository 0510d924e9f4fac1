using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// 除了主驾其他车窗都打开: a seat or side said after a word that excepts it (lexicon <c>exceptWords</c>) is where the
/// request must not go. The contract has no "all but"; reading the position as the target would do the opposite of
/// what was asked, so the request is not taken at all and the driver says it another way.
/// </summary>
public sealed class ExceptedPosition(Lexicon lexicon)
{
    private const string PositionGroup = "pos";

    private readonly IReadOnlyList<string> _except = lexicon.SlotWords("exceptWords");

    /// <summary>Whether <paramref name="frame"/> of <paramref name="text"/> names a position only to except it.</summary>
    public bool Applies(Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var position in frame.Tags)
        {
            if (!position.HasGroup(PositionGroup) || position.Start > text.Length)
            {
                continue;
            }

            var before = text.AsSpan(0, position.Start);
            foreach (var word in _except)
            {
                if (before.EndsWith(word, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
