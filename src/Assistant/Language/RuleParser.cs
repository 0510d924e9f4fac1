using Car.Assistant.Language.Model;

namespace Car.Assistant.Language;

/// <summary>
/// The fast, offline parser: normalise, tag by the lexicon, split into requests, match each against the rules.
/// Negated requests (别开窗) give nothing; words that refer to the previous request are reported as a follow-up.
/// </summary>
public sealed class RuleParser : IIntentParser
{
    public const string EngineName = "rules";

    private readonly TextNormalizer _normalizer;
    private readonly Tagger _tagger;
    private readonly RuleMatcher _matcher;
    private readonly int _maxLength;

    public RuleParser(NluModel model, int maxUtteranceLength = 200)
    {
        Model = model;
        _normalizer = new TextNormalizer(model.Lexicon);
        _tagger = new Tagger(model.Lexicon);
        _matcher = new RuleMatcher(model);
        _maxLength = maxUtteranceLength;
    }

    public NluModel Model { get; }

    public string Engine => EngineName;

    public ValueTask<ParseResult> ParseAsync(string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Parse(text));
    }

    /// <summary>
    /// True when the utterance names nothing the car does and something the lexicon knows is not about the car
    /// (天气, 笑话…): not worth the language model's time.
    /// </summary>
    public bool IsPlainlyOutOfDomain(string? text)
    {
        var tags = _tagger.Tag(_normalizer.Normalize(text));
        var meaningful = tags.Where(t => !t.IsFiller && !t.IsBoundary && !t.Has("neg") && !t.Has("confirm")).ToList();
        return meaningful.Count == 0 || meaningful.All(t => t.Has("ood"));
    }

    public ParseResult Parse(string? text)
    {
        var original = text?.Trim() ?? string.Empty;
        var normalized = _normalizer.Normalize(original);
        if (normalized.Length > _maxLength)
        {
            return new ParseResult(original, [], Engine, Error: $"utterance too long ({normalized.Length} characters, at most {_maxLength})", ErrorKind: ParseErrorKind.TooLong);
        }

        var tags = _tagger.Tag(normalized);
        var frames = FrameBuilder.Build(tags, normalized.Length, _matcher.JudgeFor(normalized));
        var intents = new List<Intent>();
        FollowUp? followUp = null;
        foreach (var frame in frames)
        {
            if (frame.IsNegated)
            {
                continue;
            }

            if (_matcher.Match(frame, normalized) is { } intent)
            {
                if (intents.Count == 0 || intents[^1].ToString() != intent.ToString())
                {
                    intents.Add(intent);
                }
            }
            else
            {
                followUp ??= FollowUpDetector.Detect(frame);
            }
        }

        var repeated = tags.Any(t => t.Has("again"));
        return new ParseResult(original, intents, Engine, intents.Count == 0 ? followUp : null, repeated);
    }
}
