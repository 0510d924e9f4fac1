namespace Car.Language;

/// <summary>
/// The tags of one request inside an utterance, with the stretch of text it covers (used for the speaker's own
/// words: a contact, a destination). Heads carried over from the previous request are marked inherited, so that
/// 打开空调调到22度 reads as two requests about the air conditioning.
/// </summary>
public sealed class Frame
{
    private readonly List<Tag> _tags = [];
    private readonly List<Tag> _inherited = [];

    public Frame(int spanStart)
    {
        SpanStart = spanStart;
        SpanEnd = spanStart;
    }

    public int SpanStart { get; }

    public int SpanEnd { get; set; }

    public IReadOnlyList<Tag> Tags => _tags;

    /// <summary>The frame's own tags followed by inherited ones.</summary>
    public IEnumerable<Tag> AllTags => _tags.Concat(_inherited);

    public bool HasOwnHead => _tags.Exists(t => t.IsHead);

    public bool HasHead => AllTags.Any(t => t.IsHead);

    public bool HasAction => AllTags.Any(t => t.IsAction);

    /// <summary>
    /// 不要/别 negate a request, also one that borrowed its action (天窗 in 别打开车窗和天窗); in a question (电还够不够,
    /// 外面冷不冷) 不 only asks.
    /// </summary>
    public bool IsNegated => AllTags.Any(t => t.Has("neg")) && !IsQuestion;

    public bool IsQuestion => _tags.Exists(t => t.Has("q") || t.HasGroup("subj"));

    public bool IsEmpty => _tags.Count == 0;

    public void Add(Tag tag)
    {
        if (tag.IsHead)
        {
            _inherited.RemoveAll(t => t.IsHead);
        }

        _tags.Add(tag);
    }

    /// <summary>Carries tags of the previous request into this one (its heads, or its action for 打开车窗和天窗).</summary>
    public void Inherit(IEnumerable<Tag> tags) => _inherited.AddRange(tags);

    /// <summary>True when the frame already has a head with a concept of <paramref name="tag"/> (川菜 then 馆).</summary>
    public bool HasHeadLike(Tag tag) => _tags.Exists(t => t.IsHead && t.Concepts.Intersect(tag.Concepts).Any());

    public bool HasConcept(string concept) => AllTags.Any(t => t.Has(concept));

    public IEnumerable<string> Concepts => AllTags.SelectMany(t => t.Concepts);

    public string Text(string utterance) => utterance[SpanStart..Math.Min(SpanEnd, utterance.Length)];

    /// <summary>Where the request's own words start: its first action or head (明天早上 before 去公司 is not one).</summary>
    public int RequestStart => _tags.Where(t => t.IsAction || t.IsHead).Select(t => t.Start).DefaultIfEmpty(SpanStart).Min();

    /// <summary>What <paramref name="utterance"/> says before <see cref="RequestStart"/>.</summary>
    public string TextBeforeRequest(string utterance) => utterance[..Math.Min(RequestStart, utterance.Length)];
}
