using Car.Language;

namespace Car.Assistant.Policy;

/// <summary>Routes each intent to the rule of its domain and gathers one decision for the utterance.</summary>
public sealed class AssistantPolicy
{
    private readonly Dictionary<string, IIntentRule> _rules = new(StringComparer.Ordinal);

    public AssistantPolicy(IEnumerable<IIntentRule> rules)
    {
        foreach (var rule in rules)
        {
            foreach (var intent in rule.Intents)
            {
                if (!_rules.TryAdd(intent, rule))
                {
                    throw new ArgumentException($"Two policy rules claim the intent '{intent}'.", nameof(rules));
                }
            }
        }
    }

    public const string Unsupported = "这个功能暂不支持";

    public IReadOnlyCollection<string> HandledIntents => _rules.Keys;

    /// <summary>
    /// Decides each intent against <paramref name="context"/>. An intent whose rule asks for confirmation is held,
    /// and so is every later one that asks too: only the first question is asked, nothing held is sent.
    /// </summary>
    /// <param name="confirmed">The driver has just confirmed the first intent (确定): it is decided as confirmed.</param>
    public PolicyDecision Decide(IReadOnlyList<Intent> intents, PolicyContext context, bool confirmed = false)
    {
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(context);
        var steps = new List<DecidedStep>();
        var refused = new List<Refusal>();
        var held = new List<Intent>();
        string? ask = null;
        string? confirmation = null;
        for (var i = 0; i < intents.Count; i++)
        {
            var intent = intents[i];
            if (!_rules.TryGetValue(intent.Name, out var rule))
            {
                refused.Add(new Refusal(intent.Name, Unsupported));
                steps.Add(new DecidedStep(intent, [], Unsupported));
                continue;
            }

            // A request the parser is not sure of is asked back, never acted on; the yes to that question makes it
            // clear, and it is decided afresh (a rain question may follow).
            var confirmsThis = confirmed && i == 0;
            if (!intent.IsClear)
            {
                if (!confirmsThis)
                {
                    held.Add(intent);
                    confirmation ??= ClarifyingQuestion.For(intent);
                    continue;
                }

                intent = intent with { Confidence = 1.0 };
                confirmsThis = false;
            }

            var outcome = rule.Decide(intent, context with { Confirmed = confirmsThis });
            if (outcome.Refusal is { } refusal)
            {
                refused.Add(refusal);
            }

            if (outcome.NeedsConfirmation)
            {
                held.Add(intent);
                confirmation ??= outcome.Ask;
                continue;
            }

            if (outcome.Ask is not null && ask is null)
            {
                ask = outcome.Ask;
                steps.Add(new DecidedStep(intent, [], outcome.Reply));
                continue;
            }

            steps.Add(new DecidedStep(intent, outcome.Actions, outcome.Reply));
        }

        // A question to confirm comes first: 确定 must answer what was asked.
        return new PolicyDecision(steps, refused, confirmation ?? ask, held);
    }
}
