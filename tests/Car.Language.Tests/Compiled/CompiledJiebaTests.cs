using Car.Language.Compiled;
using Car.Language.Segmentation;
using Car.Language.Tests.Segmentation;
using Car.Testing;
using Microsoft.Extensions.Logging;

namespace Car.Language.Tests.Compiled;

/// <summary>
/// jieba's dictionary through <see cref="LanguageDataCache"/>: the compiled copy cuts utterances exactly as the parsed
/// text does, a changed source is compiled anew, and a damaged copy or a cache that cannot be written only costs a
/// parse. The real dictionary is compiled once for the class; the damage tests use a small dictionary of their own.
/// </summary>
public sealed class CompiledJiebaTests : IClassFixture<CompiledJiebaTests.CompiledJieba>
{
    private static readonly string[] Utterances =
    [
        "打开车窗", "导航去开元路", "有点闷", "把空调温度调到二十三度", "我想听周杰伦的稻香", "副驾座椅加热打开",
        "给妈妈打电话", "今天天气怎么样", "解放路口右转", "小明硕士毕业于中国科学院计算所",
    ];

    private readonly CompiledJieba _compiled;

    public CompiledJiebaTests(CompiledJieba compiled)
    {
        _compiled = compiled;
    }

    [Fact]
    public void Load_CompiledCopy_CutsAsTheParsedText()
    {
        var fromCopy = _compiled.Load(out var logger);

        Assert.True(File.Exists(_compiled.Cache.CompiledPath(Jieba.DictionaryPath)));
        Assert.Empty(logger.Lines);
        Assert.Equal(Utterances.Select(u => Cut(Jieba.Shared, u)), Utterances.Select(u => Cut(fromCopy, u)));
        Assert.Equal(Jieba.Shared.Count, fromCopy.Count);
        Assert.Equal(Jieba.Shared.TotalFrequency, fromCopy.TotalFrequency);
        Assert.Equal(["v", "n", "ns"], new[] { "打开", "车窗", "北京" }.Select(w => fromCopy.TagOf(w)));
    }

    [Fact]
    public void AddWord_OnCompiledCopy_CutsAsOnTheParsedText()
    {
        var parsed = Jieba.LoadFresh();
        var fromCopy = _compiled.Load(out _);

        parsed.AddWords([("开元路", null), ("副驾", null)]);
        fromCopy.AddWords([("开元路", null), ("副驾", null)]);

        Assert.Equal(Utterances.Select(u => Cut(parsed, u)), Utterances.Select(u => Cut(fromCopy, u)));
        Assert.Equal("导航|去|开元路", Cut(fromCopy, "导航去开元路"));
    }

    [Fact]
    public void Load_SourceChanged_CompiledAnew()
    {
        using var directory = new TempDirectory();
        var source = directory.File("dict.utf8");
        File.WriteAllText(source, "导航 100 v\n去 100 v\n开元 50 ns\n路 100 n\n");
        var cache = new LanguageDataCache(directory.File("cache"));
        Assert.Equal("导航|去|开元|路", Cut(WordDictionary.Load(source, Jieba.HmmPath, cache), "导航去开元路"));

        File.AppendAllText(source, "开元路 1000 ns\n");

        Assert.Equal("导航|去|开元路", Cut(WordDictionary.Load(source, Jieba.HmmPath, cache), "导航去开元路"));
        Assert.Equal("导航|去|开元路", Cut(WordDictionary.Load(source, Jieba.HmmPath, cache), "导航去开元路"));
    }

    [Theory]
    [InlineData("truncated", "cut short")]
    [InlineData("bit flipped", "checksum")]
    [InlineData("emptied", "empty")]
    public void Load_DamagedCopy_ParsesTheSourceWithOneWarning(string damage, string reason)
    {
        using var directory = new TempDirectory();
        var source = directory.File("dict.utf8");
        File.WriteAllText(source, "导航 100 v\n去 100 v\n开元路 1000 ns\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"词{i} 3 n\n")));
        var cache = new LanguageDataCache(directory.File("cache"));
        WordDictionary.Load(source, Jieba.HmmPath, cache);
        var copy = cache.CompiledPath(source)!;
        Damage(copy, damage);
        var logger = new RecordingLogger();

        var dictionary = WordDictionary.Load(source, Jieba.HmmPath, new LanguageDataCache(cache.Directory, logger));

        Assert.Equal("导航|去|开元路", Cut(dictionary, "导航去开元路"));
        var (level, message) = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains(copy, message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);

        var again = new RecordingLogger();
        Assert.Equal("导航|去|开元路", Cut(WordDictionary.Load(source, Jieba.HmmPath, new LanguageDataCache(cache.Directory, again)), "导航去开元路"));
        Assert.Empty(again.Lines);
    }

    [Fact]
    public void Load_RandomlyDamagedCopies_NeverChangeACut()
    {
        using var directory = new TempDirectory();
        var source = directory.File("dict.utf8");
        File.WriteAllText(source, "导航 100 v\n去 100 v\n开元 50 ns\n开元路 1000 ns\n路 100 n\n打开 200 v\n车窗 100 n\n");
        var cache = new LanguageDataCache(directory.File("cache"));
        WordDictionary.Load(source, Jieba.HmmPath, cache);
        var copy = cache.CompiledPath(source)!;
        var sound = File.ReadAllBytes(copy);
        var random = new Random(1124);

        for (var i = 0; i < 300; i++)
        {
            File.WriteAllBytes(copy, FileMutator.Mutate(random, sound, focus: 64));
            var logger = new RecordingLogger();

            var dictionary = WordDictionary.Load(source, Jieba.HmmPath, new LanguageDataCache(cache.Directory, logger));

            Assert.Equal("导航|去|开元路", Cut(dictionary, "导航去开元路"));
            Assert.Equal("打开|车窗", Cut(dictionary, "打开车窗"));
            Assert.True(logger.Lines.Count <= 1);
        }
    }

    [Fact]
    public void Load_CacheDirectoryCannotBeWritten_ParsesQuietly()
    {
        using var directory = new TempDirectory();
        var source = directory.File("dict.utf8");
        File.WriteAllText(source, "导航 100 v\n去 100 v\n开元路 1000 ns\n");
        var blocker = directory.File("a-file");
        File.WriteAllText(blocker, "not a directory");
        var logger = new RecordingLogger();
        var cache = new LanguageDataCache(Path.Combine(blocker, "cache"), logger);

        var first = WordDictionary.Load(source, Jieba.HmmPath, cache);
        var second = WordDictionary.Load(source, Jieba.HmmPath, cache);

        Assert.Equal("导航|去|开元路", Cut(first, "导航去开元路"));
        Assert.Equal("导航|去|开元路", Cut(second, "导航去开元路"));
        Assert.Empty(logger.Lines);
    }

    private static string Cut(WordDictionary dictionary, string text) => new WordSegmenter(dictionary).Segment(text).ToString();

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "bit flipped":
                bytes[64] ^= 0x10; // the first word's first character, after the header and the section's count
                File.WriteAllBytes(path, bytes);
                break;
            default:
                File.WriteAllBytes(path, []);
                break;
        }
    }

    /// <summary>The real dictionary compiled once into a cache directory of the class's own.</summary>
    public sealed class CompiledJieba : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public CompiledJieba()
        {
            Cache = new LanguageDataCache(_directory.File("cache"));
            WordDictionary.TryLoadDefault(Cache, out _);
        }

        public LanguageDataCache Cache { get; }

        public WordDictionary Load(out RecordingLogger logger)
        {
            logger = new RecordingLogger();
            return WordDictionary.TryLoadDefault(new LanguageDataCache(Cache.Directory, logger), out var whyNot)
                ?? throw new InvalidOperationException(whyNot);
        }

        public void Dispose() => _directory.Dispose();
    }
}
