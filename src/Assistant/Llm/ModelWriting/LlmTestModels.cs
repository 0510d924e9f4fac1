using Car.Assistant.Language;
using Car.Assistant.Language.Model;

namespace Car.Assistant.Llm.ModelWriting;

/// <summary>Writes the project's own LLM models: the tiny test model, and real-shaped ones for benchmarks.</summary>
public static class LlmTestModels
{
    public const string TinyFileName = "car-llm-tiny.gguf";

    /// <summary>Everything the model must be able to read and write: the prompt, the grammar's pieces, the lexicon.</summary>
    public static string SeedText(NluModel model, RuleParser parser, string modelDirectory)
    {
        ArgumentNullException.ThrowIfNull(model);
        var grammar = IntentGrammar.Create(model.Schema);
        var lexicon = File.ReadAllText(Path.Combine(modelDirectory, NluModel.LexiconFile));
        return string.Join('\n', [IntentPrompt.Create(model.Schema, parser), .. grammar.Literals, lexicon, "0123456789.-[]{}\":,"]);
    }

    public static async Task<string> WriteAsync(
        LlmShape shape, NluModel model, RuleParser parser, string modelDirectory, string path, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await RandomLlmWriter.WriteAsync(shape, SeedText(model, parser, modelDirectory), path, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
