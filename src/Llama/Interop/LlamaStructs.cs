using System.Runtime.InteropServices;

namespace Car.Llama.Interop;

// Layouts of llama.h at llama.cpp tag v0.5.0 (the build inside @node-llama-cpp/linux-x64@3.22.1). C bool is byte.
// Tests assert sizes and key offsets; start-up checks the defaults (LlamaBackend.CheckDefaults).

/// <summary>llama_model_params (80 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelParams
{
    public IntPtr Devices;
    public IntPtr TensorBuftOverrides;
    public int NGpuLayers;
    public int SplitMode;
    public int LoadMode;
    public int LazyMode;
    public int MainGpu;
    public IntPtr TensorSplit;
    public IntPtr ProgressCallback;
    public IntPtr ProgressCallbackUserData;
    public IntPtr KvOverrides;
    public byte VocabOnly;
    public byte CheckTensors;
    public byte UseExtraBufts;
    public byte NoHost;
    public byte NoAlloc;
    public byte LoadMtp;
}

/// <summary>llama_context_params (160 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaContextParams
{
    public uint NCtx;
    public uint NBatch;
    public uint NUbatch;
    public uint NSeqMax;
    public uint NRsSeq;
    public uint NOutputsMax;
    public uint NOutputsMaxPerSeq;
    public int NThreads;
    public int NThreadsBatch;
    public int CtxType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public int FlashAttnType;
    public float RopeFreqBase;
    public float RopeFreqScale;
    public float YarnExtFactor;
    public float YarnAttnFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOrigCtx;
    public float DefragThold;
    public IntPtr CbEval;
    public IntPtr CbEvalUserData;
    public int TypeK;
    public int TypeV;
    public delegate* unmanaged<IntPtr, byte> AbortCallback;
    public IntPtr AbortCallbackData;
    public byte Embeddings;
    public byte OffloadKqv;
    public byte NoPerf;
    public byte OpOffload;
    public byte SwaFull;
    public byte KvUnified;
    public IntPtr Samplers;
    public nuint NSamplers;
    public IntPtr CtxOther;
}

/// <summary>llama_batch (56 bytes), passed by value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;
    public sbyte* Logits;
}

/// <summary>llama_chat_message.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaChatMessage
{
    public IntPtr Role;
    public IntPtr Content;
}

/// <summary>llama_sampler_chain_params.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaSamplerChainParams
{
    public byte NoPerf;
}

/// <summary>llama_token_data (12 bytes): a candidate token and its logit.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaTokenData
{
    public int Id;
    public float Logit;
    public float P;
}

/// <summary>llama_token_data_array (32 bytes): the candidates a sampler narrows and picks from.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaTokenDataArray
{
    public LlamaTokenData* Data;
    public nuint Size;
    public long Selected;
    public byte Sorted;
}
