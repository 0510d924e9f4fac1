using Car.Testing;
using Xunit.Abstractions;

namespace Car.Assistant.Tests.Cli;

/// <summary>
/// Damaged language models that the header check lets through must still not crash the program when llama.cpp
/// loads them: each is loaded by a real <c>car</c> (the rules do not understand the utterance, so the LLM is used).
/// </summary>
public sealed class DamagedModelLoadTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-damaged-llm-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Say_DamagedModels_NeverCrashTheProgram()
    {
        var original = await File.ReadAllBytesAsync(TinyModel.Path);
        var random = new Random(20261124);
        int loaded = 0, rejected = 0, refusedByLlama = 0, tried = 0;
        var crashes = new List<string>();
        for (; tried < 8; tried++)
        {
            var path = Path.Combine(_directory, $"damaged-{tried}.gguf");
            await File.WriteAllBytesAsync(path, FileMutator.Mutate(random, original, focus: 4096));

            var (exitCode, said, errors) = await CarProcess.RunAsync([], "say", "--model", path, "今天过得怎么样");

            if (exitCode != 0)
            {
                crashes.Add($"{path}: exit {exitCode}\n{said}\n{errors[..Math.Min(errors.Length, 600)]}");
            }
            else if (errors.Contains("not a usable GGUF", StringComparison.Ordinal) || errors.Contains("not a GGUF model", StringComparison.Ordinal))
            {
                rejected++;
            }
            else if (errors.Contains("could not load", StringComparison.Ordinal))
            {
                refusedByLlama++;
            }
            else
            {
                loaded++;
            }
        }

        output.WriteLine($"{tried} damaged models: {rejected} rejected by the header check, {refusedByLlama} passed it and were refused by llama.cpp, {loaded} loaded and answered, {crashes.Count} crashed.");
        Assert.True(crashes.Count == 0, string.Join("\n\n", crashes));
    }
}
