using System.Runtime.InteropServices;
using Car.Native;

namespace Car.Speech.Recognition;

/// <summary>OpenCC's C API (opencc.h).</summary>
internal static unsafe partial class OpenCcNative
{
    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SafeOpenCcHandle Open(string config);

    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_close")]
    public static partial int Close(IntPtr converter);

    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_convert_utf8")]
    public static partial IntPtr ConvertUtf8(SafeOpenCcHandle converter, byte* input, nuint length);

    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_convert_utf8_free")]
    public static partial void ConvertUtf8Free(IntPtr text);

    [LibraryImport(NativeEngines.OpenCc, EntryPoint = "opencc_error")]
    public static partial IntPtr Error();
}
