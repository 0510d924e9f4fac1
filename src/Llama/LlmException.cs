namespace Car.Llama;

/// <summary>The language model could not be used: missing engine, unreadable model, or a failed evaluation.</summary>
public sealed class LlmException : Exception
{
    public LlmException()
    {
    }

    public LlmException(string message)
        : base(message)
    {
    }

    public LlmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
