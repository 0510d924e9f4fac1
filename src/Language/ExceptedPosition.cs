using Car.Language.Model;

namespace Car.Language;

/// <summary>
/// 除了主驾其他车窗都打开, 除了天窗都关上: a seat, a side or a device said after a word that excepts it (lexicon
/// <c>exceptWords</c>) is where the request must not go. The contract has no "all but"; reading it as the target would do
/// the opposite of what was asked, so the request is not taken at all and the driver says it another way.
/// </summary>
public sealed class ExceptedPosition(Lexicon lexicon)
{
    private const string PositionGroup = "pos";

    private const string DeviceGroup = "dev";

    private readonly IReadOnlyList<string> _except = lexicon.SlotWords("exceptWords");

    /// <summary>Whether <paramref name="frame"/> of <paramref name="text"/> names a position or a device only to except it.</summary>
    public bool Applies(Frame frame, string text)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        return frame.Tags.Any(t => (t.HasGroup(PositionGroup) || t.HasGroup(DeviceGroup)) && WordLists.SaidRightBefore(text, t.Start, _except));
    }
}
