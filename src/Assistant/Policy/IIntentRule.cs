using Car.Language;

namespace Car.Assistant.Policy;

/// <summary>Decides what the car does for the intents of one domain.</summary>
public interface IIntentRule
{
    IReadOnlyCollection<string> Intents { get; }

    IntentOutcome Decide(Intent intent, PolicyContext context);
}
