namespace Car.Language;

/// <summary>Turns one utterance into intents of the contract.</summary>
public interface IIntentParser
{
    /// <summary>The engine name reported in results (<c>rules</c>, <c>llm</c>).</summary>
    string Engine { get; }

    ValueTask<ParsedUtterance> ParseAsync(string text, CancellationToken cancellationToken = default);
}
