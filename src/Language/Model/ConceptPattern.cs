namespace Car.Language.Model;

/// <summary>A concept a rule asks for: exact (<c>dev:window</c>) or any value of a group (<c>amt:*</c>).</summary>
public sealed record ConceptPattern(string Text)
{
    private readonly bool _isGroup = Text.EndsWith(":*", StringComparison.Ordinal);
    private readonly string _prefix = Text.EndsWith(":*", StringComparison.Ordinal) ? Text[..^1] : Text;

    /// <summary>Whether one of <paramref name="concepts"/> matches: a set lookup for an exact concept, a scan for a group.</summary>
    public bool MatchesAny(IReadOnlySet<string> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        if (!_isGroup)
        {
            return concepts.Contains(Text);
        }

        foreach (var concept in concepts)
        {
            if (concept.StartsWith(_prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
