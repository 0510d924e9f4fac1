using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>
/// The question asked after 导航 or 打电话 said alone (您要去哪里？ / 您要打给谁？), and how the next utterance answers it:
/// the same request with its value is the answer and is acted on without asking again; words with no request of
/// their own are read as the request they complete (马斌 as 打电话给马斌), so that the parser's checks on a contact or a
/// place still apply: 谢谢 or 不用打电话 complete nothing, 回到主页 reads as a doubtful name and is asked about.
/// Anything else is a new request.
/// </summary>
public sealed record AwaitedValue(string IntentName)
{
    /// <summary>The longest answer taken as a value; a longer one is talk, handled as a new request.</summary>
    public const int LongestAnswer = 16;

    public string Question => IntentName == IntentNames.PhoneCall ? "您要打给谁？" : "您要去哪里？";

    private string Slot => IntentName == IntentNames.PhoneCall ? SlotNames.Contact : SlotNames.Destination;

    /// <summary>The request the answer completes, or null when the utterance is not an answer.</summary>
    public Intent? Answer(ParsedUtterance parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Error is not null)
        {
            return null;
        }

        if (parse.Intents is [var only] && only.Name == IntentName && only.Text(Slot) is not null)
        {
            // 西湖 alone reads as a doubtful destination; asked for it, the driver is sure.
            return only with { Confidence = 1.0 };
        }

        return null;
    }

    /// <summary>
    /// Words said with no request of their own, completed into the request asked for (打电话给… / 导航到…), for the
    /// parser to read; null when the utterance is not such an answer.
    /// </summary>
    public string? Completion(ParsedUtterance parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var said = parse.Text.Trim(Punctuation);
        return parse.Error is null && parse.Intents.Count == 0 && parse.FollowUp is null && said.Length is > 0 and <= LongestAnswer
            ? (IntentName == IntentNames.PhoneCall ? "打电话给" : "导航到") + said
            : null;
    }

    /// <summary>
    /// The request the rules read in the <see cref="Completion"/>, as sure as they read it; null when they read another
    /// or nothing. What only the language model reads there is not taken: the rules read nearly any name after 打电话给,
    /// so words they cannot read are talk, and the model would make a contact of them.
    /// </summary>
    public Intent? Completed(ParsedUtterance completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return completion.Engine == RuleParser.EngineName && completion.Intents is [var only] && only.Name == IntentName
            && only.Text(Slot) is not null
            ? only
            : null;
    }

    private static readonly char[] Punctuation = " ,，。、!！?？".ToCharArray();
}
