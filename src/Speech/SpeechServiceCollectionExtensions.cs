using Car.Speech.Capture;
using Car.Speech.Output;
using Car.Speech.Recognition;
using Car.Speech.Vad;
using Car.Speech;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class SpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers capture (ALSA), voice activity detection (Silero, energy when its model is missing), recognition
    /// (Whisper from <c>Asr:ModelPath</c>; unavailable without one) and spoken replies (espeak-ng, silent when missing).
    /// </summary>
    public static IServiceCollection AddCarSpeech(this IServiceCollection services)
    {
        services.AddOptions<VadOptions>().BindConfiguration(VadOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VadOptions>, VadOptionsAnnotationsValidator>());
        services.AddOptions<SpeechOutputOptions>().BindConfiguration(SpeechOutputOptions.SectionName);
        services.TryAddSingleton<ISpeaker, EspeakSpeaker>();
        services.TryAddSingleton<TraditionalToSimplified>();
        services.AddOptions<CaptureOptions>().BindConfiguration(CaptureOptions.SectionName);
        services.TryAddSingleton<IAudioCapture, AlsaCapture>();
        services.TryAddSingleton<VoiceActivityDetectorFactory>();
        services.TryAddTransient(sp => sp.GetRequiredService<VoiceActivityDetectorFactory>().Create());
        services.AddOptions<SpeechRecognitionOptions>().BindConfiguration(SpeechRecognitionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpeechRecognitionOptions>, SpeechRecognitionOptionsAnnotationsValidator>());
        services.TryAddSingleton<ISpeechRecognizer, WhisperSpeechRecognizer>();
        return services;
    }
}
