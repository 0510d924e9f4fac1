using Car.Language.Model;

namespace Car.Language;

/// <summary>Finds the first rule a frame satisfies and builds its intent, or null.</summary>
public sealed class RuleMatcher
{
    private const string TemplatePrefix = "template:";

    private readonly NluModel _model;
    private readonly SlotExtractors _extractors;

    public RuleMatcher(NluModel model)
    {
        _model = model;
        _extractors = new SlotExtractors(model.Lexicon);
    }

    /// <summary>Judges frames of one utterance for the <see cref="FrameBuilder"/>.</summary>
    public IFrameJudge JudgeFor(string utterance) => new Judge(this, utterance);

    public Intent? Match(Frame frame, string utterance) => MatchRule(frame, utterance)?.Intent;

    private (FrameRule Rule, Intent Intent)? MatchRule(Frame frame, string utterance)
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
                return (rule, intent);
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
            else if (!definition.Optional || rule.Required.Contains(definition.Name))
            {
                return null;
            }
        }

        return new Intent(rule.Intent.Name, slots) { Confidence = rule.Confidence };
    }

    private sealed class Judge(RuleMatcher matcher, string utterance) : IFrameJudge
    {
        public bool IsComplete(Frame frame) => matcher.MatchRule(frame, utterance) is not null;

        public bool TakesSpeakerWords(Frame frame) =>
            matcher.MatchRule(frame, utterance) is { } match
            && match.Rule.Extractors.Any(e => e.Value.StartsWith(TemplatePrefix, StringComparison.Ordinal));
    }
}
