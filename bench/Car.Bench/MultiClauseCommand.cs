namespace Car.Bench;

/// <summary>One spoken command in clauses, said with a pause between each; the split benchmark's unit.</summary>
internal sealed record MultiClauseCommand(params string[] Clauses)
{
    /// <summary>The words said by the end of clause <paramref name="last"/> (0-based), as a recogniser would hear them.</summary>
    public string SaidThrough(int last) => string.Concat(Clauses.Take(last + 1));

    public override string ToString() => string.Join(" | ", Clauses);
}
