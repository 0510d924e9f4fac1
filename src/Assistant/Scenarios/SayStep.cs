namespace Car.Assistant.Scenarios;

/// <summary><c>{"say": "有点闷"}</c>: the driver says this; later <c>expectReply</c>, <c>expectRefused</c>… look at its turn.</summary>
public sealed record SayStep(int Number, string Text) : ScenarioStep(Number)
{
    public override string Describe() => $"say {Text}";
}
