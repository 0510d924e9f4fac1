using Car.Language.Llm;
using Car.Testing;

namespace Car.Language.Tests.Llm;

/// <summary>
/// The system prompt's cache saved after it is evaluated and restored at the next start, on the real llama.cpp and
/// the project's tiny model: the restored car answers exactly as one that evaluated the prompt; a damaged file is
/// never handed to llama.cpp and is evaluated (and saved) again.
/// </summary>
public sealed class PrefixStateTests : IDisposable
{
    private const string Utterance = "后排有点冷";
    private readonly string _directory = Directory.CreateTempSubdirectory("car-llm-state-").FullName;

    [Fact]
    public async Task Restart_RestoresTheSavedPrompt_AndAnswersAsAfterEvaluatingIt()
    {
        string evaluatedAnswer;
        using (var first = Parser())
        {
            await first.PrepareAsync();
            Assert.False(first.PrefixRestored);
            evaluatedAnswer = (await first.CompleteAsync(Utterance)).Text;
        }

        using var restarted = Parser();
        await restarted.PrepareAsync();

        Assert.True(restarted.PrefixRestored);
        Assert.Equal(evaluatedAnswer, (await restarted.CompleteAsync(Utterance)).Text);
        Assert.Single(Directory.GetFiles(_directory, "*.kv"));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    public async Task DamagedStateFile_EvaluatedAgainAndRewritten(string damage)
    {
        string evaluatedAnswer;
        using (var first = Parser())
        {
            evaluatedAnswer = (await first.CompleteAsync(Utterance)).Text;
        }

        var file = Assert.Single(Directory.GetFiles(_directory, "*.kv"));
        var bytes = await File.ReadAllBytesAsync(file);
        switch (damage)
        {
            case "truncated":
                await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
                break;
            case "flipped":
                bytes[^100] ^= 0x5A;
                await File.WriteAllBytesAsync(file, bytes);
                break;
            default:
                await File.WriteAllBytesAsync(file, []);
                break;
        }

        using (var damaged = Parser())
        {
            Assert.Equal(evaluatedAnswer, (await damaged.CompleteAsync(Utterance)).Text);
            Assert.False(damaged.PrefixRestored);
        }

        using var repaired = Parser();
        await repaired.PrepareAsync();
        Assert.True(repaired.PrefixRestored);
    }

    [Fact]
    public async Task OtherContextSize_OwnFile_NeverTheOtherOnesCache()
    {
        using (var small = Parser(contextSize: 1024))
        {
            await small.PrepareAsync();
        }

        using var large = Parser(contextSize: 2048);
        await large.PrepareAsync();

        Assert.False(large.PrefixRestored);
        Assert.Equal(2, Directory.GetFiles(_directory, "*.kv").Length);
    }

    [Fact]
    public async Task NoStateDirectory_NothingWritten()
    {
        using var parser = TinyModel.CreateUnhurriedParser(new LlmOptions { ModelPath = TinyModel.Path });
        await parser.PrepareAsync();

        Assert.False(parser.PrefixRestored);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task UtteranceDuringStartUpWarmUp_AnsweredAtOnceAsWarmingUp_ThenTheModelAnswers()
    {
        using var parser = TinyModel.CreateUnhurriedParser(new LlmOptions { ModelPath = TinyModel.Path });
        var warmUp = parser.PrepareAsync();

        var early = await parser.ParseAsync("车里空气有点浑浊");
        var warmUpWasRunning = !warmUp.IsCompleted;
        await warmUp;
        var later = await parser.ParseAsync("车里空气有点浑浊");

        Assert.True(warmUpWasRunning, "the warm-up ended before the utterance: nothing was tested");
        Assert.Equal(ParseErrorKind.WarmingUp, early.ErrorKind);
        Assert.Equal(ParseErrorKind.None, later.ErrorKind);
    }

    [Fact]
    public async Task NoWarmUp_FirstUtteranceEvaluatesThePromptItself()
    {
        using var parser = TinyModel.CreateUnhurriedParser(new LlmOptions { ModelPath = TinyModel.Path });

        var first = await parser.ParseAsync("车里空气有点浑浊");

        Assert.Equal(ParseErrorKind.None, first.ErrorKind);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private LlmIntentParser Parser(int contextSize = 2048) => TinyModel.CreateUnhurriedParser(new LlmOptions
    {
        ModelPath = TinyModel.Path,
        ContextSize = contextSize,
        PrefixStateDirectory = _directory,
    });
}
