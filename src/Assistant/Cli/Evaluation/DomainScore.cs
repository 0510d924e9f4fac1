namespace Car.Assistant.Cli.Evaluation;

/// <summary>One row of the table. Rates are of <see cref="Utterances"/>, except exact, which is of <see cref="Expressible"/>.</summary>
/// <param name="Utterances">Scored utterances (those needing context are left out and counted in <see cref="Excluded"/>).</param>
/// <param name="Expressible">Utterances whose label has an exact form in the contract.</param>
/// <param name="WrongIntent">Of the wrong ones, those where the car would do another kind of thing than asked.</param>
internal sealed record DomainScore(string Domain, int Utterances, int Expressible, int Exact, int Missed, int Wrong, int WrongIntent, int Excluded)
{
    public double ExactRate => Rate(Exact, Expressible);

    public double MissedRate => Rate(Missed, Utterances);

    public double WrongRate => Rate(Wrong, Utterances);

    public double WrongIntentRate => Rate(WrongIntent, Utterances);

    public static DomainScore Of(string domain, IReadOnlyCollection<ScoredUtterance> scored)
    {
        var counted = scored.Where(s => s.Outcome != Outcome.Excluded).ToList();
        return new DomainScore(
            domain,
            counted.Count,
            counted.Count(s => s.Utterance.Expected.IsExpressible),
            counted.Count(s => s.Outcome == Outcome.Exact),
            counted.Count(s => s.Outcome == Outcome.Missed),
            counted.Count(s => s.Outcome == Outcome.Wrong),
            counted.Count(s => s.Outcome == Outcome.Wrong && UtteranceScorer.ActsOtherIntent(s.Utterance, s.Parsed)),
            scored.Count - counted.Count);
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;
}
