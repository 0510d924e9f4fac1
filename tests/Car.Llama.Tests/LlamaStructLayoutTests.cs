using System.Runtime.InteropServices;
using Car.Llama.Interop;

namespace Car.Llama.Tests;

/// <summary>The binding's structs against llama.h of llama.cpp v0.5.0 (sizes and offsets read from that header).</summary>
public class LlamaStructLayoutTests
{
    [Fact]
    public void ModelParams_Is80BytesWithBooleansAtTheEnd()
    {
        Assert.Equal(80, Marshal.SizeOf<LlamaModelParams>());
        Assert.Equal(16, Offset<LlamaModelParams>(nameof(LlamaModelParams.NGpuLayers)));
        Assert.Equal(24, Offset<LlamaModelParams>(nameof(LlamaModelParams.LoadMode)));
        Assert.Equal(40, Offset<LlamaModelParams>(nameof(LlamaModelParams.TensorSplit)));
        Assert.Equal(72, Offset<LlamaModelParams>(nameof(LlamaModelParams.VocabOnly)));
        Assert.Equal(77, Offset<LlamaModelParams>(nameof(LlamaModelParams.LoadMtp)));
    }

    [Fact]
    public void ContextParams_Is160BytesWithTheNewFieldsInPlace()
    {
        Assert.Equal(160, Marshal.SizeOf<LlamaContextParams>());
        Assert.Equal(24, Offset<LlamaContextParams>(nameof(LlamaContextParams.NOutputsMaxPerSeq)));
        Assert.Equal(36, Offset<LlamaContextParams>(nameof(LlamaContextParams.CtxType)));
        Assert.Equal(56, Offset<LlamaContextParams>(nameof(LlamaContextParams.RopeFreqBase)));
        Assert.Equal(112, Offset<LlamaContextParams>(nameof(LlamaContextParams.AbortCallback)));
        Assert.Equal(128, Offset<LlamaContextParams>(nameof(LlamaContextParams.Embeddings)));
        Assert.Equal(152, Offset<LlamaContextParams>(nameof(LlamaContextParams.CtxOther)));
    }

    [Fact]
    public void Batch_Is56Bytes()
    {
        Assert.Equal(56, Marshal.SizeOf<LlamaBatch>());
        Assert.Equal(48, Offset<LlamaBatch>(nameof(LlamaBatch.Logits)));
    }

    [Fact]
    public void ThreadpoolParams_Is528BytesAfterA512ThreadMask()
    {
        Assert.Equal(528, Marshal.SizeOf<GgmlThreadpoolParams>());
        Assert.Equal(512, Offset<GgmlThreadpoolParams>(nameof(GgmlThreadpoolParams.NThreads)));
        Assert.Equal(520, Offset<GgmlThreadpoolParams>(nameof(GgmlThreadpoolParams.Poll)));
        Assert.Equal(525, Offset<GgmlThreadpoolParams>(nameof(GgmlThreadpoolParams.Paused)));
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    [Fact]
    public void TokenData_MatchesLlamaH()
    {
        Assert.Equal(12, Marshal.SizeOf<LlamaTokenData>());
        Assert.Equal(32, Marshal.SizeOf<LlamaTokenDataArray>());
        Assert.Equal(16, (int)Marshal.OffsetOf<LlamaTokenDataArray>(nameof(LlamaTokenDataArray.Selected)));
        Assert.Equal(24, (int)Marshal.OffsetOf<LlamaTokenDataArray>(nameof(LlamaTokenDataArray.Sorted)));
    }
}
