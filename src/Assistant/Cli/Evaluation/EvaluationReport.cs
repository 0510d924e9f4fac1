namespace Car.Assistant.Cli.Evaluation;

/// <summary>The rows per domain, in a fixed order, and the overall line.</summary>
internal sealed record EvaluationReport(string Corpus, string Engine, IReadOnlyList<DomainScore> Domains, DomainScore Overall)
{
    private static readonly string[] Order =
        [EvaluationDomains.Music, EvaluationDomains.Navigation, EvaluationDomains.Map, EvaluationDomains.Phone, EvaluationDomains.Others];

    public static EvaluationReport Of(string corpus, string engine, IReadOnlyList<ScoredUtterance> scored)
    {
        var domains = scored.GroupBy(s => s.Utterance.Domain)
            .OrderBy(g => Array.IndexOf(Order, g.Key) is var i && i < 0 ? int.MaxValue : i)
            .Select(g => DomainScore.Of(g.Key, [.. g]))
            .ToList();
        return new EvaluationReport(corpus, engine, domains, DomainScore.Of("overall", scored.ToList()));
    }
}
