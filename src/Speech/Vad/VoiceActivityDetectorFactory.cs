using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Speech.Vad;

/// <summary>
/// Makes a detector for each stream: Silero when its model loads (the pinned copy beside the program, or
/// <see cref="VadOptions.ModelPath"/>), else the energy detector, saying so once in the log.
/// </summary>
public sealed partial class VoiceActivityDetectorFactory(IOptions<VadOptions> options, ILogger<VoiceActivityDetectorFactory> logger)
{
    private int _warned;

    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "native", "silero", "silero_vad.onnx");

    public IVoiceActivityDetector Create()
    {
        var path = options.Value.ModelPath ?? DefaultModelPath;
        string reason;
        if (File.Exists(path))
        {
            try
            {
                return SileroVoiceActivityDetector.Load(path);
            }
            catch (InvalidDataException e)
            {
                reason = e.Message;
            }
        }
        else
        {
            reason = $"no Silero model at {path}";
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Log.EnergyFallback(logger, reason);
        }

        return new EnergyVoiceActivityDetector();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Voice activity by energy: {Reason}.")]
        public static partial void EnergyFallback(ILogger logger, string reason);
    }
}
