using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>
/// The question asked after 导航 or 打电话 said alone (您要去哪里？ / 您要打给谁？), and how the next utterance answers it:
/// a place or a name said alone, or the same request with its value, is the answer and is acted on without asking
/// again; anything else is a new request.
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

        var said = parse.Text.Trim(Punctuation);
        return parse.Intents.Count == 0 && parse.FollowUp is null && said.Length is > 0 and <= LongestAnswer
            ? new Intent(IntentName).With(Slot, SlotValue.Of(said))
            : null;
    }

    private static readonly char[] Punctuation = " ,，。、!！?？".ToCharArray();
}
