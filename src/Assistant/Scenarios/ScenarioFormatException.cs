namespace Car.Assistant.Scenarios;

/// <summary>A scenario file that cannot be read as one: the message names the file, the step and what is wrong.</summary>
public sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException()
    {
    }

    public ScenarioFormatException(string message)
        : base(message)
    {
    }

    public ScenarioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
