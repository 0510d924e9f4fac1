using Car.Assistant.Policy;
using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>What a session remembers between utterances: the last request, a held confirmation, the last destination.</summary>
public sealed class DialogueState
{
    public IReadOnlyList<Intent> LastIntents { get; set; } = [];

    public IReadOnlyList<PlannedAction> AwaitingConfirmation { get; set; } = [];

    public string? ConfirmedReply { get; set; }

    public string? LastDestination { get; set; }

    /// <summary>Choices the assistant last offered (places from the recommender), for 第二个.</summary>
    public IReadOnlyList<string> LastOffer { get; set; } = [];

    public void ClearConfirmation()
    {
        AwaitingConfirmation = [];
        ConfirmedReply = null;
    }
}
