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

    public IReadOnlyCollection<string> HandledIntents => _rules.Keys;

    public PolicyDecision Decide(IReadOnlyList<Intent> intents, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(intents);
        var actions = new List<PlannedAction>();
        var refused = new List<Refusal>();
        var replies = new List<string>();
        var held = new List<PlannedAction>();
        string? ask = null;
        string? confirmedReply = null;
        foreach (var intent in intents)
        {
            if (!_rules.TryGetValue(intent.Name, out var rule))
            {
                refused.Add(new Refusal(intent.Name, "这个功能暂不支持"));
                replies.Add("这个功能暂不支持");
                continue;
            }

            var outcome = rule.Decide(intent, context);
            if (outcome.Refusal is { } refusal)
            {
                refused.Add(refusal);
            }

            if (outcome.NeedsConfirmation && ask is null)
            {
                held.AddRange(outcome.Actions);
                ask = outcome.Ask;
                confirmedReply = outcome.ConfirmedReply;
            }
            else if (outcome.Ask is not null && ask is null)
            {
                ask = outcome.Ask;
            }
            else
            {
                actions.AddRange(outcome.Actions);
            }

            if (outcome.Reply.Length > 0)
            {
                replies.Add(outcome.Reply);
            }
        }

        return new PolicyDecision(actions, refused, ask, string.Join("；", replies), held, confirmedReply);
    }
}
