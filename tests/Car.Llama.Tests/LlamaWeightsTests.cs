using Car.Language.Llm;
using Car.ModelWriting;
using Car.Testing;

namespace Car.Llama.Tests;

public sealed class LlamaWeightsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("car-bad-models-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadFromFile_Missing_SaysItDoesNotExist()
    {
        var error = Assert.Throws<LlmException>(() => LlamaWeights.LoadFromFile(Path.Combine(_directory, "none.gguf")));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromFile_NotGguf_SaysSo()
    {
        var path = Path.Combine(_directory, "notes.gguf");
        File.WriteAllText(path, "this is not a model");

        var error = Assert.Throws<LlmException>(() => LlamaWeights.LoadFromFile(path));

        Assert.Contains("not a GGUF model file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromFile_Truncated_ClearErrorNoCrash()
    {
        var path = Path.Combine(_directory, "cut.gguf");
        var bytes = File.ReadAllBytes(TinyModel.Path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<LlmException>(() => LlamaWeights.LoadFromFile(path));

        Assert.Contains("could not load", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadFromFile_ArchitectureLlamaCppRejects_NamesTheProblem()
    {
        var path = Path.Combine(_directory, "alien.gguf");
        var gguf = new GgufWriter();
        gguf.Add("general.architecture", "car-alien-arch");
        gguf.AddTensor(new GgufTensor("token_embd.weight", [32, 8], GgmlType.F32, 0.1f, 1));
        await gguf.WriteAsync(path);

        var error = Assert.Throws<LlmException>(() => LlamaWeights.LoadFromFile(path));

        Assert.Contains("car-alien-arch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_ChineseAndBack_RoundTrips()
    {
        using var weights = LlamaWeights.LoadFromFile(TinyModel.Path);
        const string text = "副驾车窗开一半，空调调到22度";

        var tokens = weights.Tokenize(text, addSpecial: false, parseSpecial: false);
        var back = System.Text.Encoding.UTF8.GetString(tokens.SelectMany(weights.TokenBytes).ToArray());

        Assert.Equal(text, back.Replace('\u2581', ' ').TrimStart());
        Assert.True(tokens.Length <= text.Length + 1);
    }

    [Fact]
    public void ChatTemplate_FromTheModel_IsChatml()
    {
        using var weights = LlamaWeights.LoadFromFile(TinyModel.Path);

        var prompt = weights.ApplyChatTemplate([("system", "S"), ("user", "U")], addAssistant: true);

        Assert.Equal("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n", prompt);
    }
}
