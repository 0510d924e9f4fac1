namespace Car.Language.Gazetteers;

/// <summary>A name found in an utterance: where it stands and what it is.</summary>
public sealed record GazetteerEntry(int Start, int Length, GazetteerKind Kind, string Name)
{
    public int End => Start + Length;
}
