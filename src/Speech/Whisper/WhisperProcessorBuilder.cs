namespace Car.Speech.Whisper;

/// <summary>Options of a <see cref="WhisperProcessor"/> (Whisper.net's builder style).</summary>
public sealed class WhisperProcessorBuilder
{
    private readonly WhisperFactory _factory;
    private string _language = "zh";
    private string? _prompt;
    private int _threads = 2;
    private int _maxTokens;
    private bool _temperatureFallback = true;
    private bool _scaleAudioContext = true;
    private int _nice;

    internal WhisperProcessorBuilder(WhisperFactory factory)
    {
        _factory = factory;
    }

    public WhisperProcessorBuilder WithLanguage(string language)
    {
        _language = language;
        return this;
    }

    /// <summary>Words the decoder should expect (the car's vocabulary).</summary>
    public WhisperProcessorBuilder WithPrompt(string prompt)
    {
        _prompt = prompt;
        return this;
    }

    public WhisperProcessorBuilder WithThreads(int threads)
    {
        _threads = threads;
        return this;
    }

    /// <summary>Caps tokens per segment (0: none). Random-weight models never stop: benchmarks cap them.</summary>
    public WhisperProcessorBuilder WithMaxTokens(int maxTokens)
    {
        _maxTokens = maxTokens;
        return this;
    }

    /// <summary>
    /// The nice value a pass runs at (its thread and the OpenMP workers it starts); 0 leaves the process's own. A value
    /// below 0 needs <c>CAP_SYS_NICE</c>: where it is refused, the pass runs at the process's priority.
    /// </summary>
    public WhisperProcessorBuilder WithNice(int nice)
    {
        _nice = nice;
        return this;
    }

    public WhisperProcessorBuilder WithoutTemperatureFallback()
    {
        _temperatureFallback = false;
        return this;
    }

    /// <summary>Encode the whole 30 s window instead of only as much as the utterance needs.</summary>
    public WhisperProcessorBuilder WithFullAudioContext()
    {
        _scaleAudioContext = false;
        return this;
    }

    public WhisperProcessor Build() =>
        new(_factory, _language, _prompt, _threads, _maxTokens, _temperatureFallback, _scaleAudioContext, _nice);
}
