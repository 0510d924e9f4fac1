using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>A follow-up turned into intents, or a question back when there is nothing it can refer to.</summary>
public sealed record FollowUpResolution(IReadOnlyList<Intent> Intents, string? Ask)
{
    public static FollowUpResolution AskBack(string question) => new([], question);

    public static FollowUpResolution Of(params Intent[] intents) => new(intents, null);
}
