using Car.Language.Llm;
using Car.Llama;
using Car.ModelWriting;
using Microsoft.Extensions.Time.Testing;

namespace Car.Testing;

/// <summary>The project's tiny random-weight llama model, written once per test assembly.</summary>
public static class TinyModel
{
    private static readonly Lazy<string> Written = new(() =>
    {
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("car-llm-").FullName, TestModelFiles.Llm);
        var text = IntentModelText.For(TestModel.Model, TestModel.Parser, TestModel.Directory);
        RandomLlmWriter.WriteAsync(LlmShape.Tiny, text, path).GetAwaiter().GetResult();
        return path;
    });

    public static string Path => Written.Value;

    public static LlmIntentParser CreateParser(LlmOptions? options = null, TimeProvider? time = null) =>
        new(LlamaWeights.LoadFromFile(Path), TestModel.Model, TestModel.Parser, options ?? new LlmOptions { ModelPath = Path }, time);

    /// <summary>
    /// A parser whose deadline never passes (its clock stands still), for tests about the answer rather than about time:
    /// a fresh-clone CI run, compiling whisper.cpp beside the tests, once took more than 20 s for the second of two
    /// parses queued together. Tests of the deadline itself move a clock of their own past it.
    /// </summary>
    public static LlmIntentParser CreateUnhurriedParser(LlmOptions? options = null) => CreateParser(options, new FakeTimeProvider());
}
