using Car.Language.Llm;
using Car.Llama;
using Car.ModelWriting;
using Car.Speech.Whisper;
using Car.Testing;

namespace Car.Assistant.Tests.Hosting;

/// <summary>whisper.cpp and llama.cpp each bring their own ggml; both must load and run in one process.</summary>
public class EnginesInOneProcessTests
{
    [Fact]
    public async Task WhisperAndLlama_LoadedTogether_BothRunAndTakeTurns()
    {
        var whisperPath = Path.Combine(Directory.CreateTempSubdirectory("car-both-").FullName, "whisper.bin");
        await RandomWhisperWriter.WriteAsync(WhisperShape.Test, "车窗空调", whisperPath);
        using var whisper = WhisperFactory.FromPath(whisperPath);
        using var processor = whisper.CreateBuilder().WithMaxTokens(4).WithoutTemperatureFallback().Build();
        using var llm = TinyModel.CreateUnhurriedParser(new LlmOptions { ModelPath = TinyModel.Path });

        var heard = await processor.ProcessAsync(new float[16_000]);
        var understood = await llm.ParseAsync("车里有股味儿");
        var heardAgain = await processor.ProcessAsync(new float[16_000]);

        Assert.InRange(heard.Tokens, 0, 5);
        Assert.Null(understood.Error);
        Assert.Equal(heard.Text, heardAgain.Text);
    }
}
