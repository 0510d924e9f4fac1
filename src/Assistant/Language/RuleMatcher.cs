using Car.Assistant.Language.Model;

namespace Car.Assistant.Language;

/// <summary>Finds the first rule a frame satisfies and builds its intent, or null.</summary>
public sealed class RuleMatcher
{
    private readonly NluModel _model;
    private readonly SlotExtractors _extractors;

    public RuleMatcher(NluModel model)
    {
        _model = model;
        _extractors = new SlotExtractors(model.Lexicon);
    }

    public bool IsComplete(Frame frame, string utterance) => Match(frame, utterance) is not null;

    public Intent? Match(Frame frame, string utterance)
    {
        var concepts = frame.Concepts.ToHashSet(StringComparer.Ordinal);
        var isQuestion = concepts.Contains("q");
        foreach (var rule in _model.Rules)
        {
            if (isQuestion && !rule.AllowsQuestion)
            {
                continue;
            }

            if (!rule.All.All(group => group.Any(p => concepts.Any(p.Matches)))
                || rule.None.Any(p => concepts.Any(p.Matches)))
            {
                continue;
            }

            if (BuildIntent(rule, frame, utterance) is { } intent)
            {
                return intent;
            }
        }

        return null;
    }

    private Intent? BuildIntent(FrameRule rule, Frame frame, string utterance)
    {
        var slots = new List<KeyValuePair<string, SlotValue>>();
        foreach (var definition in rule.Intent.Slots)
        {
            var fixedValue = rule.Fixed.FirstOrDefault(f => f.Key == definition.Name);
            if (fixedValue.Key is not null)
            {
                slots.Add(fixedValue);
                continue;
            }

            var extractor = rule.Extractors.FirstOrDefault(e => e.Key == definition.Name).Value;
            var value = extractor is null ? null : _extractors.Extract(extractor, frame, utterance, rule.Intent, definition);
            if (value is { } found)
            {
                slots.Add(new(definition.Name, found));
            }
            else if (!definition.Optional)
            {
                return null;
            }
        }

        return new Intent(rule.Intent.Name, slots);
    }
}
