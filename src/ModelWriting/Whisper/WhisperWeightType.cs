namespace Car.ModelWriting;

/// <summary>
/// How the large matrices of a written Whisper model are stored, as whisper.cpp's quantize tool would leave them.
/// The convolutions stay F16 and biases and norms F32 whatever is chosen, as in whisper.cpp's own files.
/// </summary>
public enum WhisperWeightType
{
    /// <summary>16-bit floats: what the published ggml-base.bin holds.</summary>
    F16,

    /// <summary>ggml Q8_0: blocks of 32 signed bytes with one F16 scale (ggml-base-q8_0.bin).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "ggml's name for the format, as model files are named.")]
    Q8_0,

    /// <summary>ggml Q5_1: blocks of 32 five-bit values with an F16 scale and minimum (ggml-base-q5_1.bin).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "ggml's name for the format, as model files are named.")]
    Q5_1,
}
