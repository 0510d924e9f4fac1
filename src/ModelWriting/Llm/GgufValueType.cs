namespace Car.ModelWriting;

/// <summary>GGUF metadata value types.</summary>
public enum GgufValueType : uint
{
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
}
