using Car.Assistant.Dialogue;

namespace Car.Assistant.Scenarios;

/// <summary>
/// An expectation on the last <c>say</c>'s turn: <c>{"expectReply": "车窗"}</c> (the reply contains it),
/// <c>{"expectRefused": "window.open"}</c> (that intent was refused), <c>{"expectAsk": true}</c> (a question back),
/// <c>{"expectNoAction": true}</c> (nothing was sent to the car).
/// </summary>
public sealed record TurnExpectation(int Number, string Kind, string? Text) : ScenarioStep(Number)
{
    public const string Reply = "expectReply";
    public const string Refused = "expectRefused";
    public const string Ask = "expectAsk";
    public const string NoAction = "expectNoAction";

    public override string Describe() => Text is null ? Kind : $"{Kind} {Text}";

    /// <summary>Null when the turn meets the expectation, else what the turn did.</summary>
    public string? Check(TurnReport turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Kind switch
        {
            Reply when turn.Reply.Contains(Text ?? string.Empty, StringComparison.Ordinal) => null,
            Reply => $"the reply was {turn.Reply}",
            Refused when turn.Refused.Any(r => r.Intent == Text) => null,
            Refused => $"refused: [{string.Join(", ", turn.Refused.Select(r => r.Intent))}], reply {turn.Reply}",
            Ask when turn.Ask is not null => null,
            Ask => $"no question was asked; reply {turn.Reply}",
            NoAction when turn.Actions.Count == 0 => null,
            _ => $"actions were sent: {string.Join(", ", turn.Actions.Select(a => $"{a.Signal} → {a.Value}"))}",
        };
    }
}
