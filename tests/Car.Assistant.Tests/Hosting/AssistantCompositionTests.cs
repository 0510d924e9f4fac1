using Car.Language.Llm;
using Car.Language;
using Car.Speech;
using Car.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Tests.Hosting;

/// <summary>How the pieces are wired: the text path alone, the optional parts in any order, twice harmlessly.</summary>
public sealed class AssistantCompositionTests
{
    [Fact]
    public async Task AddCarAssistant_Alone_RulesAnswerAndNoSpeechIsRegistered()
    {
        await using var services = Build(new(), s => s.AddCarAssistant());

        var parser = services.GetRequiredService<IIntentParser>();
        var parsed = await parser.ParseAsync("打开车窗");

        Assert.Equal("rules", parser.Engine);
        Assert.Equal("window.open", Assert.Single(parsed.Intents).Name);
        Assert.Null(services.GetService<ISpeechRecognizer>());
    }

    [Fact]
    public async Task AddCarLlm_BeforeOrAfterAddCarLanguage_TheCascadeAnswersEitherWay()
    {
        var settings = new Dictionary<string, string?> { ["Llm:ModelPath"] = TinyModel.Path };
        await using var llmFirst = Build(settings, s => s.AddCarLlm().AddCarLanguage());
        await using var languageFirst = Build(settings, s => s.AddCarLanguage().AddCarLlm());

        Assert.Equal("auto", llmFirst.GetRequiredService<IIntentParser>().Engine);
        Assert.Equal("auto", languageFirst.GetRequiredService<IIntentParser>().Engine);
    }

    [Fact]
    public async Task AddCarAssistant_CalledTwiceWithEveryPart_OneWarmUpAndASpeechPathThatSaysItHasNoModel()
    {
        await using var services = Build(new(), s =>
        {
            s.AddCarAssistant().UseLlm().UseSpeech();
            s.AddCarAssistant().UseSpeech().UseLlm();
        });

        Assert.Single(services.GetServices<IHostedService>().OfType<LlmWarmUpService>());
        Assert.Contains("no ASR model", services.GetRequiredService<ISpeechRecognizer>().Unavailable, StringComparison.Ordinal);
        Assert.Equal("rules", services.GetRequiredService<IIntentParser>().Engine);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        settings["Language:ModelDirectory"] = TestModel.Directory;
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging();
        register(collection);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
