using Car.Language.Gazetteers;
using Car.Language.Segmentation;
using Car.Language.SoundAlike;

namespace Car.Language;

/// <summary>
/// What the rule parser leans on beyond the lexicon, each optional so that the parser still works where the data is
/// missing: jieba's words (command words only at word boundaries), the owner's names (contacts, media, places), the
/// sound-alike matcher that repairs misheard domain words, and one each over the owner's contacts, places and media.
/// </summary>
public sealed record RuleParserResources
{
    public static RuleParserResources None { get; } = new();

    public WordSegmenter? Words { get; init; }

    public Gazetteer Names { get; init; } = Gazetteer.Empty;

    public SoundAlikeMatcher? SoundAlikes { get; init; }

    /// <summary>The owner's contacts by sound, to recognise one the recogniser spelled otherwise; null without contacts.</summary>
    public SoundAlikeMatcher? ContactSoundAlikes { get; init; }

    /// <summary>The owner's saved places by sound; null without places.</summary>
    public SoundAlikeMatcher? PlaceSoundAlikes { get; init; }

    /// <summary>The media library's titles, singers and albums by sound; null without a library.</summary>
    public SoundAlikeMatcher? LibrarySoundAlikes { get; init; }

    /// <summary>Other names the assistant answers to (<see cref="LanguageOptions.AssistantNames"/>); none by default.</summary>
    public IReadOnlyList<string> AssistantNames { get; init; } = [];
}
