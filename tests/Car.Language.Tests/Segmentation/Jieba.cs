using Car.Language.Segmentation;

namespace Car.Language.Tests.Segmentation;

/// <summary>jieba's dictionary from beside the tests: one shared copy that no test changes, and fresh copies for tests that do.</summary>
internal static class Jieba
{
    private static readonly Lazy<WordDictionary> Loaded = new(LoadFresh);

    /// <summary>Read only: tests that add or split words take <see cref="LoadFresh"/>.</summary>
    public static WordDictionary Shared => Loaded.Value;

    public static string DictionaryPath => Path.Combine(WordDictionary.DefaultDirectory, WordDictionary.DictionaryFileName);

    public static string HmmPath => Path.Combine(WordDictionary.DefaultDirectory, WordDictionary.HmmFileName);

    public static WordDictionary LoadFresh() => WordDictionary.TryLoadDefault(out var whyNot) ?? throw new InvalidOperationException(whyNot);
}
