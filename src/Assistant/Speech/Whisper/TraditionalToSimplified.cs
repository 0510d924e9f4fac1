using System.Runtime.InteropServices;
using Car.Assistant.Interop;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Car.Assistant.Speech.Whisper;

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
        NativeEngines.EnsureResolver();
        try
        {
            var handle = OpenCcNative.Open("t2s.json");
            if (handle == IntPtr.Zero || handle == new IntPtr(-1))
            {
                Log.Unavailable(logger, Marshal.PtrToStringUTF8(OpenCcNative.Error()) ?? "opencc_open failed");
                return;
            }

            _converter = new SafeOpenCcHandle(handle);
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

/// <summary>OpenCC's C API (opencc.h).</summary>
internal static unsafe partial class OpenCcNative
{
    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr Open(string config);

    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_close")]
    public static partial int Close(IntPtr converter);

    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_convert_utf8")]
    public static partial IntPtr ConvertUtf8(SafeOpenCcHandle converter, byte* input, nuint length);

    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_convert_utf8_free")]
    public static partial void ConvertUtf8Free(IntPtr text);

    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_error")]
    public static partial IntPtr Error();
}

/// <summary>An opencc_t; closed once.</summary>
internal sealed class SafeOpenCcHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeOpenCcHandle()
        : base(ownsHandle: true)
    {
    }

    public SafeOpenCcHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle() => OpenCcNative.Close(handle) == 0;
}
