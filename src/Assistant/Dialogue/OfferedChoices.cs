using Car.CloudSync.Recommendations;
using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>
/// The list the assistant last read out, so that 第二个 navigates to the second place and 换一批 asks for the next
/// ones: the search it answered, how many places of that ranking came before, and the server's answer id.
/// </summary>
public sealed record OfferedChoices(Intent Search, int Offset, string RequestId, IReadOnlyList<PlaceSuggestion> Places)
{
    /// <summary>The offered place with this name, and its rank (1-based), or null.</summary>
    public (PlaceSuggestion Place, int Rank)? Find(string name)
    {
        var index = Places.ToList().FindIndex(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        return index < 0 ? null : (Places[index], index + 1);
    }
}
