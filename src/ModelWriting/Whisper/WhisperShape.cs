namespace Car.ModelWriting;

/// <summary>The dimensions of a Whisper model (multilingual layout: 51 865 tokens, 80 mel bands, 30 s window).</summary>
public sealed record WhisperShape(string Name, int AudioState, int AudioHeads, int AudioLayers, int TextState, int TextHeads, int TextLayers)
{
    public const int Vocab = 51_865;
    public const int AudioContext = 1500;
    public const int TextContext = 448;
    public const int Mels = 80;

    /// <summary>Small enough for tests (a few MB), same layout as the real models.</summary>
    public static WhisperShape Test { get; } = new("test", 64, 2, 1, 64, 2, 1);

    public static WhisperShape Tiny { get; } = new("tiny", 384, 6, 4, 384, 6, 4);

    public static WhisperShape Base { get; } = new("base", 512, 8, 6, 512, 8, 6);

    public static WhisperShape Small { get; } = new("small", 768, 12, 12, 768, 12, 12);

    public static IReadOnlyList<WhisperShape> Known { get; } = [Test, Tiny, Base, Small];
}
