namespace Car.Speech.Tests.Capture;

/// <summary>Tests that change the process environment (HOME for ALSA) run alone, in this collection.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    public const string Name = "process environment";
}
