namespace Car.ModelWriting;

/// <summary>The ggml tensor types the writer produces (Q80 is ggml's Q8_0).</summary>
public enum GgmlType : uint
{
    F32 = 0,
    F16 = 1,
    Q80 = 8,
}
