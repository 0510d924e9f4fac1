using Car.Language;

namespace Car.Assistant.Dialogue;

/// <summary>What a session remembers between utterances: the last request, a held confirmation, the last destination.</summary>
public sealed class DialogueState
{
    public IReadOnlyList<Intent> LastIntents { get; set; } = [];

    /// <summary>What waits for the driver's 确定, else null.</summary>
    public HeldConfirmation? Held { get; set; }

    public string? LastDestination { get; set; }

    /// <summary>The list the assistant last offered (places from the recommender), for 第二个 and 换一批; null when none.</summary>
    public OfferedChoices? Offer { get; set; }

    /// <summary>What the car last started (a route, music, a call), for a bare 取消 just after; null when the last turn that acted started none.</summary>
    public StartedActivity? LastStarted { get; set; }

    /// <summary>What the assistant just asked for (您要去哪里？ after 导航), else null.</summary>
    public AwaitedValue? Awaited { get; set; }

    public void ClearConfirmation() => Held = null;
}
