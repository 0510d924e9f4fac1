namespace Car.Assistant.Cli.Evaluation;

/// <summary>One turn of a CATSLU dialogue: both transcripts and the [act, slot, value] labels.</summary>
internal sealed record CatsluTurn(int Dialogue, int Turn, string Manual, string Asr, IReadOnlyList<CatsluSlot> Semantic)
{
    public IEnumerable<string> Values(string slot) => Semantic.Where(s => s.Slot == slot).Select(s => s.Value);

    public bool Has(string slot) => Semantic.Any(s => s.Slot == slot);
}
