using Car.Assistant.Speech.Capture;
using Car.Assistant.Speech.Output;
using Car.Assistant.Speech.Vad;
using Car.Assistant.Speech.Whisper;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class SpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers voice activity detection (Silero, energy when its model is missing) and spoken replies (espeak-ng,
    /// silent when it is missing).
    /// </summary>
    public static IServiceCollection AddCarSpeech(this IServiceCollection services)
    {
        services.AddOptions<VadOptions>().BindConfiguration(VadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SpeechOutputOptions>().BindConfiguration(SpeechOutputOptions.SectionName);
        services.TryAddSingleton<ISpeaker, EspeakSpeaker>();
        services.TryAddSingleton<TraditionalToSimplified>();
        services.AddOptions<CaptureOptions>().BindConfiguration(CaptureOptions.SectionName);
        services.TryAddSingleton<IAudioCapture, AlsaCapture>();
        services.TryAddSingleton<VoiceActivityDetectorFactory>();
        services.TryAddTransient(sp => sp.GetRequiredService<VoiceActivityDetectorFactory>().Create());
        return services;
    }
}
