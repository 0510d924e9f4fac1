using Car.Language.Model;
using Car.Language.Segmentation;

namespace Car.Language;

/// <summary>Finds the first rule a frame satisfies and builds its intent, or null.</summary>
public sealed class RuleMatcher
{
    private const string TemplatePrefix = "template:";

    private readonly NluModel _model;
    private readonly SlotExtractors _extractors;

    private readonly IReadOnlyList<string> _besideAlone;

    public RuleMatcher(NluModel model)
    {
        _model = model;
        _extractors = new SlotExtractors(model.Lexicon);
        var lexicon = model.Lexicon;
        _besideAlone = [.. lexicon.Fillers.Concat(lexicon.SlotWords("leadFillers")).Concat(lexicon.SlotWords("trailFillers"))
            .Concat(lexicon.SlotWords("requestOpeners")).Concat(lexicon.SlotWords("speakers")).Concat(lexicon.SlotWords("aloneAllows"))
            .Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length)];
    }

    /// <summary>Judges frames of one utterance for the <see cref="FrameBuilder"/>.</summary>
    public IFrameJudge JudgeFor(string utterance, SegmentedText? words = null) => new Judge(this, utterance, words);

    /// <param name="words">jieba's words of <paramref name="utterance"/>, so that the speaker's words are cut only
    /// between words (给我放一首理想 keeps 理想 whole although 想 is a filler); null where segmentation is off.</param>
    public Intent? Match(Frame frame, string utterance, SegmentedText? words = null) => MatchRule(frame, utterance, words)?.Intent;

    private (FrameRule Rule, Intent Intent)? MatchRule(Frame frame, string utterance, SegmentedText? words)
    {
        var concepts = frame.Concepts.ToHashSet(StringComparer.Ordinal);
        var isQuestion = concepts.Contains("q");
        foreach (var rule in _model.Rules)
        {
            if (isQuestion && !rule.AllowsQuestion)
            {
                continue;
            }

            if (!rule.All.All(group => group.Any(p => p.MatchesAny(concepts))) || rule.None.Any(p => p.MatchesAny(concepts)))
            {
                continue;
            }

            if (BuildIntent(rule, frame, utterance, words) is { } intent)
            {
                return (rule, intent);
            }
        }

        return null;
    }

    private Intent? BuildIntent(FrameRule rule, Frame frame, string utterance, SegmentedText? words)
    {
        if (rule.StandsAlone && frame.Tags.Any(t => t.IsHead && !t.Has(DoorConcept)))
        {
            // 解锁车窗, 锁一下车窗: the lock of another thing (the windows' lock) is not the car's doors.
            return null;
        }

        var slots = new List<KeyValuePair<string, SlotValue>>();
        var confidence = rule.Confidence;
        foreach (var definition in rule.Intent.Slots)
        {
            var fixedValue = rule.Fixed.FirstOrDefault(f => f.Key == definition.Name);
            if (fixedValue.Key is not null)
            {
                slots.Add(fixedValue);
                continue;
            }

            var extractor = rule.Extractors.FirstOrDefault(e => e.Key == definition.Name).Value;
            var sureness = 1.0;
            var value = extractor is null ? null : _extractors.Extract(extractor, frame, utterance, rule.Intent, definition, out sureness, words);
            if (value is { } found)
            {
                slots.Add(new(definition.Name, found));
                confidence = Math.Min(confidence, sureness);
            }
            else if (!definition.Optional || rule.Required.Contains(definition.Name))
            {
                return null;
            }
        }

        if (rule.StandsAlone && HasOtherWords(frame, utterance))
        {
            confidence = Math.Min(confidence, SlotExtractors.DoubtfulWords);
        }

        return new Intent(rule.Intent.Name, slots) { Confidence = confidence };
    }

    /// <summary>
    /// Whether the frame's stretch holds words no tag of the frame covers (手机 in 解锁手机), other than politeness,
    /// fillers and the words the lexicon lets stand beside such an action (<c>aloneAllows</c>: 把, 车, 一下).
    /// </summary>
    private bool HasOtherWords(Frame frame, string utterance)
    {
        var end = Math.Min(frame.SpanEnd, utterance.Length);
        for (var i = frame.SpanStart; i < end;)
        {
            var at = i;
            if (!char.IsLetterOrDigit(utterance[i]) || frame.Tags.Any(t => t.Start <= at && at < t.End))
            {
                i++;
                continue;
            }

            var allowed = _besideAlone.FirstOrDefault(w => string.CompareOrdinal(utterance, at, w, 0, w.Length) == 0 && at + w.Length <= end);
            if (allowed is null)
            {
                return true;
            }

            i += allowed.Length;
        }

        return false;
    }

    private const string DoorConcept = "dev:door";

    private sealed class Judge(RuleMatcher matcher, string utterance, SegmentedText? words) : IFrameJudge
    {
        public bool IsComplete(Frame frame) => matcher.MatchRule(frame, utterance, words) is not null;

        public bool TakesSpeakerWords(Frame frame) =>
            matcher.MatchRule(frame, utterance, words) is { } match
            && match.Rule.Extractors.Any(e => e.Value.StartsWith(TemplatePrefix, StringComparison.Ordinal));
    }
}
