using System.Runtime.InteropServices;
using Car.Native;
using Microsoft.Extensions.Logging;

namespace Car.Speech.Recognition;

/// <summary>
/// Whisper often writes Traditional characters (車窗) for Mandarin; the parser expects Simplified. This maps whole
/// transcripts with OpenCC's t2s conversion (Debian libopencc1.1 + libopencc-data, through P/Invoke). Without
/// OpenCC the text passes unchanged and the parser's lexicon still repairs the common car characters.
/// </summary>
public sealed partial class TraditionalToSimplified : IDisposable
{
    private readonly SafeOpenCcHandle? _converter;

    public TraditionalToSimplified(ILogger<TraditionalToSimplified> logger)
    {
        NativeEngines.EnsureResolver(typeof(TraditionalToSimplified).Assembly);
        try
        {
            var converter = OpenCcNative.Open("t2s.json");
            if (converter.IsInvalid)
            {
                converter.Dispose();
                Log.Unavailable(logger, Marshal.PtrToStringUTF8(OpenCcNative.Error()) ?? "opencc_open failed");
                return;
            }

            _converter = converter;
        }
        catch (DllNotFoundException)
        {
            Log.Unavailable(logger, "libopencc is not installed (apt-get install libopencc1.1 libopencc-data)");
        }
    }

    public bool IsAvailable => _converter is not null;

    public unsafe string Convert(string text)
    {
        if (_converter is null || string.IsNullOrEmpty(text))
        {
            return text;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        fixed (byte* input = bytes)
        {
            var output = OpenCcNative.ConvertUtf8(_converter, input, (nuint)bytes.Length);
            if (output == IntPtr.Zero)
            {
                return text;
            }

            try
            {
                return Marshal.PtrToStringUTF8(output) ?? text;
            }
            finally
            {
                OpenCcNative.ConvertUtf8Free(output);
            }
        }
    }

    public void Dispose() => _converter?.Dispose();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Traditional → Simplified by the lexicon table only: {Reason}.")]
        public static partial void Unavailable(ILogger logger, string reason);
    }
}
