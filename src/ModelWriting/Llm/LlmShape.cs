namespace Car.ModelWriting;

/// <summary>The architecture and dimensions of a model to write with random weights.</summary>
/// <param name="VocabSize">Tokens in the vocabulary; 0 keeps just the tokens the seed text needs.</param>
public sealed record LlmShape(
    string Name,
    string Architecture,
    int VocabSize,
    int Embedding,
    int Layers,
    int Heads,
    int KvHeads,
    int FeedForward,
    int ContextLength,
    bool TiedEmbeddings,
    bool QkvBias,
    GgmlType WeightType)
{
    /// <summary>A llama-architecture model small enough for tests (≈ 1 MB, loads in milliseconds).</summary>
    public static LlmShape Tiny { get; } = new("tiny", "llama", 0, 64, 2, 4, 2, 128, 4096, false, false, GgmlType.F32);

    /// <summary>Qwen2.5-0.5B-Instruct's shape: qwen2, q/k/v biases, tied embeddings, 151 936 tokens, Q8_0.</summary>
    public static LlmShape Qwen25Half { get; } = new("qwen2.5-0.5b", "qwen2", 151_936, 896, 24, 14, 2, 4864, 32_768, true, true, GgmlType.Q80);

    /// <summary>Qwen2.5-1.5B-Instruct's shape.</summary>
    public static LlmShape Qwen25OneAndHalf { get; } = new("qwen2.5-1.5b", "qwen2", 151_936, 1536, 28, 12, 2, 8960, 32_768, true, true, GgmlType.Q80);

    public static IReadOnlyList<LlmShape> Known { get; } = [Tiny, Qwen25Half, Qwen25OneAndHalf];

    public int HeadDimension => Embedding / Heads;

    public int KvDimension => HeadDimension * KvHeads;
}
