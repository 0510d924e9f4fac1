using System.Runtime.InteropServices;

namespace Car.Speech.Whisper.Interop;

// Layouts of whisper.h of whisper.cpp 1.9.1 (vendored by npm nodejs-whisper@0.3.1). Sizes and offsets were read
// from that header by the C compiler; tests assert them. C bool is byte.

/// <summary>whisper_context_params (48 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperContextParams
{
    public byte UseGpu;
    public byte FlashAttn;
    public int GpuDevice;
    public byte DtwTokenTimestamps;
    public int DtwAheadsPreset;
    public int DtwNTop;
    public nuint DtwAheadsCount;
    public IntPtr DtwAheads;
    public nuint DtwMemSize;
}

/// <summary>whisper_full_params (304 bytes), passed by value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WhisperFullParams
{
    public int Strategy;
    public int NThreads;
    public int NMaxTextCtx;
    public int OffsetMs;
    public int DurationMs;
    public byte Translate;
    public byte NoContext;
    public byte NoTimestamps;
    public byte SingleSegment;
    public byte PrintSpecial;
    public byte PrintProgress;
    public byte PrintRealtime;
    public byte PrintTimestamps;
    public byte TokenTimestamps;
    public float TholdPt;
    public float TholdPtsum;
    public int MaxLen;
    public byte SplitOnWord;
    public int MaxTokens;
    public byte DebugMode;
    public int AudioCtx;
    public byte TdrzEnable;
    public IntPtr SuppressRegex;
    public IntPtr InitialPrompt;
    public byte CarryInitialPrompt;
    public IntPtr PromptTokens;
    public int PromptNTokens;
    public IntPtr Language;
    public byte DetectLanguage;
    public byte SuppressBlank;
    public byte SuppressNst;
    public float Temperature;
    public float MaxInitialTs;
    public float LengthPenalty;
    public float TemperatureInc;
    public float EntropyThold;
    public float LogprobThold;
    public float NoSpeechThold;
    public int GreedyBestOf;
    public int BeamSize;
    public float BeamPatience;
    public IntPtr NewSegmentCallback;
    public IntPtr NewSegmentCallbackUserData;
    public IntPtr ProgressCallback;
    public IntPtr ProgressCallbackUserData;
    public IntPtr EncoderBeginCallback;
    public IntPtr EncoderBeginCallbackUserData;
    public IntPtr AbortCallback;
    public IntPtr AbortCallbackUserData;
    public IntPtr LogitsFilterCallback;
    public IntPtr LogitsFilterCallbackUserData;
    public IntPtr GrammarRules;
    public nuint NGrammarRules;
    public nuint IStartRule;
    public float GrammarPenalty;
    public byte Vad;
    public IntPtr VadModelPath;
    public float VadThreshold;
    public int VadMinSpeechMs;
    public int VadMinSilenceMs;
    public float VadMaxSpeechS;
    public int VadSpeechPadMs;
    public float VadSamplesOverlap;
}
