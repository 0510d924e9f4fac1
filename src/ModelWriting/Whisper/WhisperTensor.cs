namespace Car.ModelWriting;

/// <summary>One tensor of a whisper.cpp model file: its name, its shape (innermost first, as ggml counts) and its ggml type.</summary>
internal sealed record WhisperTensor(string Name, IReadOnlyList<int> Shape, int Type)
{
    public long Count => Shape.Aggregate(1L, (product, dimension) => product * dimension);
}
