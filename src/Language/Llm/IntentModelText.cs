using Car.Language.Model;

namespace Car.Language.Llm;

/// <summary>
/// Everything an intent model must be able to read and write: the system prompt, the grammar's pieces, the lexicon
/// and the characters of JSON numbers. The project's random-weight models take their vocabulary from it.
/// </summary>
public static class IntentModelText
{
    public static string For(NluModel model, RuleParser parser, string modelDirectory)
    {
        ArgumentNullException.ThrowIfNull(model);
        var grammar = IntentGrammar.Create(model.Schema);
        var lexicon = File.ReadAllText(Path.Combine(modelDirectory, NluModel.LexiconFile));
        return string.Join('\n', [IntentPrompt.Create(model.Schema, parser), .. grammar.Literals, lexicon, "0123456789.-[]{}\":,"]);
    }
}
