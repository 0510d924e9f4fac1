namespace Car.Language.Tests.Llm;

/// <summary>
/// Tests that read the process's resident memory run alone, in this collection: other tests loading dictionaries and
/// models beside them move the number by tens of megabytes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMemoryTests
{
    public const string Name = "process memory";
}
