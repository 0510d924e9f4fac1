
namespace Car.Language.Llm;

/// <summary>
/// Rules first; the language model only when the rules found nothing (no intent, no follow-up) and the utterance
/// is not plainly out of domain. Whatever answers, the policy and its safety rules decide what happens.
/// </summary>
public sealed class CascadeParser(RuleParser rules, IIntentParser model) : IIntentParser
{
    public string Engine => "auto";

    public async ValueTask<ParsedUtterance> ParseAsync(string text, CancellationToken cancellationToken = default)
    {
        var (ruled, outOfDomain) = rules.ParseForFallback(text);
        if (ruled.Intents.Count > 0 || ruled.FollowUp is not null || ruled.Error is not null || outOfDomain)
        {
            return ruled;
        }

        var modelled = await model.ParseAsync(text, cancellationToken).ConfigureAwait(false);
        return modelled with { Repeated = ruled.Repeated };
    }
}
