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
        new(_factory, _language, _prompt, _threads, _maxTokens, _temperatureFallback, _scaleAudioContext);
}
