using System.Runtime.InteropServices;
using Car.Native;
using Microsoft.Win32.SafeHandles;

namespace Car.Speech.Whisper.Interop;

/// <summary>The whisper.h functions Car uses (whisper.cpp 1.9.1), bound with LibraryImport.</summary>
internal static unsafe partial class WhisperNative
{
    public const int SamplingGreedy = 0;

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_context_default_params")]
    public static partial WhisperContextParams ContextDefaultParams();

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_full_default_params")]
    public static partial WhisperFullParams FullDefaultParams(int strategy);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_init_from_file_with_params", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr InitFromFile(string path, WhisperContextParams parameters);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_free")]
    public static partial void Free(IntPtr context);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_full")]
    public static partial int Full(SafeWhisperContextHandle context, WhisperFullParams parameters, float* samples, int count);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_full_n_segments")]
    public static partial int FullNSegments(SafeWhisperContextHandle context);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_full_get_segment_text")]
    public static partial IntPtr FullGetSegmentText(SafeWhisperContextHandle context, int segment);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_full_n_tokens")]
    public static partial int FullNTokens(SafeWhisperContextHandle context, int segment);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_full_get_token_id")]
    public static partial int FullGetTokenId(SafeWhisperContextHandle context, int segment, int token);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_full_get_token_p")]
    public static partial float FullGetTokenP(SafeWhisperContextHandle context, int segment, int token);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_token_eot")]
    public static partial int TokenEot(SafeWhisperContextHandle context);

    [LibraryImport(NativeEngines.Whisper, EntryPoint = "whisper_log_set")]
    public static partial void LogSet(delegate* unmanaged<int, byte*, IntPtr, void> callback, IntPtr userData);
}

/// <summary>A whisper_context (model and its state); freed once.</summary>
internal sealed class SafeWhisperContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeWhisperContextHandle()
        : base(ownsHandle: true)
    {
    }

    public SafeWhisperContextHandle(IntPtr handle)
        : base(ownsHandle: true)
    {
        SetHandle(handle);
    }

    protected override bool ReleaseHandle()
    {
        WhisperNative.Free(handle);
        return true;
    }
}
