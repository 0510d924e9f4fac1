namespace Car.Assistant.Scenarios;

/// <summary>How a scenario went: each failed step in words (<c>step 3: expect … equals true: … is false</c>).</summary>
public sealed record ScenarioResult(ScenarioScript Script, IReadOnlyList<string> Failures, TimeSpan Duration)
{
    public bool Passed => Failures.Count == 0;
}
