using Car.Language;
using Car.Speech;

namespace Car.Assistant.Dialogue;

/// <summary>
/// Whether words heard so far already make a whole request, so that listening may stop at a short pause: the rules
/// (never the LLM, which is too slow to ask at every pause) understand every request in them clearly, or they are a
/// follow-up of the previous request (再低一点).
/// </summary>
public sealed class CompleteRequestJudge(RuleParser rules)
{
    /// <summary>A transcript heard clearly enough for a turn (<see cref="VoiceTurn.MinConfidence"/>) whose words are complete.</summary>
    public bool IsComplete(Transcript transcript) =>
        transcript.Confidence >= VoiceTurn.MinConfidence && transcript.Text.Length > 0 && IsComplete(transcript.Text);

    public bool IsComplete(string text)
    {
        var parsed = rules.Parse(text);
        return parsed.Error is null
            && (parsed.FollowUp is not null || (parsed.Intents.Count > 0 && parsed.Intents.All(intent => intent.IsClear)));
    }
}
