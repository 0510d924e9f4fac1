using System.ComponentModel.DataAnnotations;

namespace Car.Language;

/// <summary>Where the language data lives and how much of an utterance is read. Section <c>Language</c>.</summary>
public sealed class LanguageOptions
{
    public const string SectionName = "Language";

    /// <summary>The directory with schema.json, lexicon.json and rules.json (the bundled models/nlu by default).</summary>
    [Required]
    public string ModelDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "models", "nlu");

    /// <summary>Longer utterances are rejected with a clear error rather than read (speech never gets this long).</summary>
    [Range(1, 10_000)]
    public int MaxUtteranceLength { get; set; } = 200;
}
