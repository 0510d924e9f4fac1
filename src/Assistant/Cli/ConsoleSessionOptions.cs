namespace Car.Assistant.Cli;

/// <summary>Options of the interactive session. Section <c>Console</c>.</summary>
public sealed class ConsoleSessionOptions
{
    public const string SectionName = "Console";

    /// <summary>Print each turn as the contract's JSON object instead of the readable form.</summary>
    public bool Json { get; set; }
}
