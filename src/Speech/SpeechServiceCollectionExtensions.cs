using Car.Speech.Capture;
using Car.Speech.Output;
using Car.Speech.Recognition;
using Car.Speech.Vad;
using Car.Speech;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class SpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers capture (ALSA), voice activity detection (Silero, energy when its model is missing), recognition
    /// (Whisper from <c>Asr:ModelPath</c>; unavailable without one) and spoken replies (espeak-ng, silent when missing).
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
        services.AddOptions<SpeechRecognitionOptions>().BindConfiguration(SpeechRecognitionOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ISpeechRecognizer, WhisperSpeechRecognizer>();
        return services;
    }
}
