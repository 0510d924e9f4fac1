namespace Car.Language;

/// <summary>
/// A stretch of the normalised utterance and the concepts it stands for (<c>dev:window</c>, <c>act:open</c>,
/// <c>num:degree</c>…). Numbers carry their value.
/// </summary>
public sealed record Tag(IReadOnlyList<string> Concepts, int Start, int End, string Surface, double? Number = null)
{
    public bool Has(string concept) => Concepts.Contains(concept);

    public bool HasGroup(string group) => Value(group) is not null;

    /// <summary>The value of the first concept of a group: <c>Value("pos")</c> of <c>pos:driver</c> is <c>driver</c>.</summary>
    public string? Value(string group)
    {
        foreach (var concept in Concepts)
        {
            if (concept.Length > group.Length && concept[group.Length] == ':' && concept.StartsWith(group, StringComparison.Ordinal))
            {
                return concept[(group.Length + 1)..];
            }
        }

        return null;
    }

    /// <summary>Words that name what a request is about: a device, a need, a place category, a status subject.</summary>
    public bool IsHead => HasGroup("dev") || HasGroup("need") || HasGroup("cat") || HasGroup("subj") || HasGroup("mode")
        || Has("trip");

    public bool IsAction => HasGroup("act");

    public bool IsBoundary => Has(Model.Lexicon.BoundaryConcept);

    public bool IsFiller => Has(Model.Lexicon.FillerConcept);
}
