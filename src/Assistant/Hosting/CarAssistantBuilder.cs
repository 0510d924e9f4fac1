using Microsoft.Extensions.DependencyInjection;

namespace Car.Assistant.Hosting;

/// <summary>
/// What <see cref="AssistantServiceCollectionExtensions.AddCarAssistant"/> returns: the text path is registered;
/// each <c>UseXxx</c> adds one optional part. Calls may come in any order, and twice is harmless.
/// </summary>
public sealed class CarAssistantBuilder
{
    internal CarAssistantBuilder(IServiceCollection services)
    {
        Services = services;
    }

    public IServiceCollection Services { get; }

    /// <summary>The on-device language model as the rules' fallback (section <c>Llm</c>; off without a model).</summary>
    public CarAssistantBuilder UseLlm()
    {
        Services.AddCarLlm();
        return this;
    }

    /// <summary>Microphone, voice activity, Whisper and spoken replies (sections <c>Capture</c>, <c>Vad</c>, <c>Asr</c>, <c>SpeechOutput</c>).</summary>
    public CarAssistantBuilder UseSpeech()
    {
        Services.AddCarSpeech();
        return this;
    }
}
