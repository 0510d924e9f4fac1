using Car.Language.Compiled;
using Car.Language.SoundAlike;
using Car.Testing;

namespace Car.Language.Tests.Compiled;

/// <summary>
/// The pinyin table through <see cref="LanguageDataCache"/>: the compiled copy gives the readings and repairs the
/// parsed JSON gives, a changed source is compiled anew, and no damage to the copy changes a reading.
/// </summary>
public sealed class CompiledPinyinTests
{
    private const string Small = """{"重":["zhòng",1e-8],"重新":["chóng xīn",1e-8],"严重":["yán zhòng",1e-8],"重复":["chóng fù",1e-9],"女":["nǚ",1e-8],"绿色":["lǜ sè",1e-9]}""";

    [Fact]
    public void Load_CompiledCopy_ReadsAsTheParsedTable()
    {
        using var directory = new TempDirectory();
        var cache = new LanguageDataCache(directory.File("cache"));
        var parsed = PinyinTable.Load(PinyinTable.DefaultPath);
        PinyinTable.Load(PinyinTable.DefaultPath, cache);
        var logger = new RecordingLogger();

        var fromCopy = PinyinTable.Load(PinyinTable.DefaultPath, new LanguageDataCache(cache.Directory, logger));

        Assert.True(File.Exists(cache.CompiledPath(PinyinTable.DefaultPath)));
        Assert.Empty(logger.Lines);
        Assert.Equal(parsed.WordCount, fromCopy.WordCount);
        Assert.Equal(parsed.Characters.Order(), fromCopy.Characters.Order());
        Assert.All(parsed.Characters, c => Assert.Equal(parsed.Readings(c), fromCopy.Readings(c)));
        foreach (var word in new[] { "空调", "调查", "重新", "事情", "车窗", "导航", "绿色" })
        {
            Assert.Equal(parsed.TryGetWordReading(word, out var expected), fromCopy.TryGetWordReading(word, out var actual));
            Assert.Equal(expected, actual);
            Assert.Equal(parsed.Frequency(word), fromCopy.Frequency(word));
            Assert.Equal(parsed.IsKnownWord(word), fromCopy.IsKnownWord(word));
        }

        string[] domain = ["车窗", "空调", "导航", "座椅加热"];
        Assert.Equal(
            new SoundAlikeMatcher(parsed, domain).Find("打开车穿和空挑").Select(m => m.Word),
            new SoundAlikeMatcher(fromCopy, domain).Find("打开车穿和空挑").Select(m => m.Word));
        Assert.Equal(["车窗", "空调"], new SoundAlikeMatcher(fromCopy, domain).Find("打开车穿和空挑").Select(m => m.Word));
    }

    [Fact]
    public void Load_SourceChanged_CompiledAnew()
    {
        using var directory = new TempDirectory();
        var source = directory.File("modern.json");
        File.WriteAllText(source, Small);
        var cache = new LanguageDataCache(directory.File("cache"));
        Assert.Equal(["zhong", "chong"], PinyinTable.Load(source, cache).Readings('重'));

        File.WriteAllText(source, Small.Replace("\"zhòng\",1e-8]", "\"chóng\",1e-8],\"车\":[\"chē\",1e-8]", StringComparison.Ordinal));

        Assert.Equal(["chong", "zhong"], PinyinTable.Load(source, cache).Readings('重'));
        Assert.Equal(["che"], PinyinTable.Load(source, cache).Readings('车'));
    }

    [Fact]
    public void Load_DamagedCopies_NeverChangeAReading()
    {
        using var directory = new TempDirectory();
        var source = directory.File("modern.json");
        File.WriteAllText(source, Small);
        var cache = new LanguageDataCache(directory.File("cache"));
        var expected = PinyinTable.Load(source);
        PinyinTable.Load(source, cache);
        var copy = cache.CompiledPath(source)!;
        var sound = File.ReadAllBytes(copy);
        var random = new Random(20261124);

        for (var i = 0; i < 300; i++)
        {
            File.WriteAllBytes(copy, FileMutator.Mutate(random, sound, focus: 64));
            var logger = new RecordingLogger();

            var table = PinyinTable.Load(source, new LanguageDataCache(cache.Directory, logger));

            Assert.Equal(expected.Readings('重'), table.Readings('重'));
            Assert.Equal(expected.Readings('绿'), table.Readings('绿'));
            Assert.True(table.TryGetWordReading("重新", out var reading));
            Assert.Equal(["chong", "xin"], reading);
            Assert.Equal(expected.WordCount, table.WordCount);
            Assert.True(logger.Lines.Count <= 1);
        }
    }

    [Fact]
    public void Load_CacheDirectoryCannotBeWritten_ParsesQuietly()
    {
        using var directory = new TempDirectory();
        var source = directory.File("modern.json");
        File.WriteAllText(source, Small);
        File.WriteAllText(directory.File("a-file"), "not a directory");
        var logger = new RecordingLogger();

        var table = PinyinTable.Load(source, new LanguageDataCache(Path.Combine(directory.File("a-file"), "cache"), logger));

        Assert.Equal(["zhong", "chong"], table.Readings('重'));
        Assert.Empty(logger.Lines);
    }
}
