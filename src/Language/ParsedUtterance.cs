namespace Car.Language;

/// <summary>What a parser understood of one utterance.</summary>
/// <param name="Text">The utterance as received.</param>
/// <param name="Intents">The requests, in the order they were said; empty when nothing is supported.</param>
/// <param name="Engine">Which parser answered (<c>rules</c>, <c>llm</c>).</param>
/// <param name="FollowUp">Words that refer to the previous request, for the dialogue to resolve.</param>
/// <param name="Repeated">True when the speaker says a need persists (还是有点闷).</param>
/// <param name="Error">Why the utterance could not be parsed at all, else null.</param>
/// <param name="ErrorKind">What kind of failure <paramref name="Error"/> is, so the dialogue can answer it.</param>
/// <param name="WavesOff">True when the speaker waves the assistant off (没事了, 别管了) rather than calls a request
/// off (取消, 算了): the dialogue drops what it asked, and stops nothing the car is doing.</param>
/// <param name="NoRequest">True when a request's words were heard and understood as none (别开窗, 刚才车窗自己开了,
/// 我在听歌): the dialogue acknowledges them instead of saying it did not understand.</param>
public sealed record ParsedUtterance(
    string Text,
    IReadOnlyList<Intent> Intents,
    string Engine,
    FollowUp? FollowUp = null,
    bool Repeated = false,
    string? Error = null,
    ParseErrorKind ErrorKind = ParseErrorKind.None,
    bool WavesOff = false,
    bool NoRequest = false);
