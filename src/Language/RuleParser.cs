using Car.Language.Model;

namespace Car.Language;

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

    public ValueTask<ParsedUtterance> ParseAsync(string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Parse(text));
    }

    public ParsedUtterance Parse(string? text) => Analyse(text).Result;

    /// <summary>
    /// The parse, and whether the utterance is plainly out of domain: it names nothing the car does, only things
    /// the lexicon knows are not about the car (天气, 笑话…), so it is not worth the language model's time. Both
    /// come from one pass over the text.
    /// </summary>
    public (ParsedUtterance Result, bool PlainlyOutOfDomain) ParseForFallback(string? text) => Analyse(text);

    private (ParsedUtterance Result, bool PlainlyOutOfDomain) Analyse(string? text)
    {
        var original = text?.Trim() ?? string.Empty;
        var normalized = _normalizer.Normalize(original);
        if (normalized.Length > _maxLength)
        {
            return (new ParsedUtterance(original, [], Engine, Error: $"utterance too long ({normalized.Length} characters, at most {_maxLength})", ErrorKind: ParseErrorKind.TooLong), false);
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
        var meaningful = tags.Where(t => !t.IsFiller && !t.IsBoundary && !t.Has("neg") && !t.Has("confirm")).ToList();
        var outOfDomain = meaningful.Count == 0 || meaningful.All(t => t.Has("ood"));
        return (new ParsedUtterance(original, intents, Engine, intents.Count == 0 ? followUp : null, repeated), outOfDomain);
    }
}
