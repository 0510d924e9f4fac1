namespace Car.Assistant.Scenarios;

/// <summary><c>{"wait": "2s"}</c>: time passes (windows travel, the cabin cools).</summary>
public sealed record WaitStep(int Number, TimeSpan Duration) : ScenarioStep(Number)
{
    public override string Describe() => $"wait {Duration.TotalSeconds:0.###} s";
}
