namespace Car.ModelWriting;

/// <summary>The file names of the project's own test models (<c>car models write-test</c>).</summary>
public static class TestModelFiles
{
    /// <summary>The tiny llama model for the LLM fallback's tests.</summary>
    public const string Llm = "car-llm-tiny.gguf";

    /// <summary>The small whisper model for the speech tests.</summary>
    public const string Whisper = "car-whisper-test.bin";
}
