namespace Car.Assistant.Scenarios;

/// <summary>One step of a scenario, as written in its file (1-based <see cref="Number"/> for messages).</summary>
public abstract record ScenarioStep(int Number)
{
    /// <summary>The step as a reader of the report recognises it: <c>say 有点闷</c>, <c>expect Vehicle.Speed = 100</c>.</summary>
    public abstract string Describe();
}
