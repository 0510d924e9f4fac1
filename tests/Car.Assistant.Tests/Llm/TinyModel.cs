using Car.Assistant.Llm;
using Car.Assistant.Llm.ModelWriting;

namespace Car.Assistant.Tests.Llm;

/// <summary>The project's tiny random-weight llama model, written once for the whole test assembly.</summary>
internal static class TinyModel
{
    private static readonly Lazy<string> Written = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("car-llm-").FullName;
        var path = System.IO.Path.Combine(directory, LlmTestModels.TinyFileName);
        LlmTestModels.WriteAsync(LlmShape.Tiny, TestModel.Model, TestModel.Parser, TestModel.Directory, path).GetAwaiter().GetResult();
        return path;
    });

    public static string Path => Written.Value;

    public static LlmIntentParser CreateParser(LlmOptions? options = null) =>
        new(LlamaWeights.LoadFromFile(Path), TestModel.Model, TestModel.Parser, options ?? new LlmOptions { ModelPath = Path });
}
