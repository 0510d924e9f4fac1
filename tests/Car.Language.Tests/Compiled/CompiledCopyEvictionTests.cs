using Car.Language.Compiled;
using Car.Language.SoundAlike;

namespace Car.Language.Tests.Compiled;

/// <summary>
/// The cache directory does not fill the head unit's flash as OTA bundles move the language data to new paths:
/// copies no start has read for a month are deleted when a new copy is written, a copy still read is kept, and at most
/// <see cref="LanguageDataCache.KeptCopies"/> copies of one source name stay, besides those read today.
/// </summary>
public sealed class CompiledCopyEvictionTests
{
    private const string Table = """{"重":["zhòng",1e-8],"车":["chē",1e-8]}""";

    [Fact]
    public void NewBundle_CopyOfAnOldBundleUnreadForAMonth_Deleted_OtherDataKept()
    {
        using var directory = new TempDirectory();
        var cache = new LanguageDataCache(directory.File("cache"));
        var oldBundle = Source(directory, "bundle-1");
        PinyinTable.Load(oldBundle, cache);
        var oldCopy = cache.CompiledPath(oldBundle)!;
        File.SetLastWriteTimeUtc(oldCopy, DateTime.UtcNow.AddDays(-40));
        var otherData = Path.Combine(cache.Directory!, "dict.txt-0123456789abcdef.car");
        File.WriteAllBytes(otherData, [1, 2, 3]);
        File.SetLastWriteTimeUtc(otherData, DateTime.UtcNow.AddDays(-40));

        var newBundle = Source(directory, "bundle-2");
        Assert.Equal(["che"], PinyinTable.Load(newBundle, cache).Readings('车'));

        Assert.True(File.Exists(cache.CompiledPath(newBundle)));
        Assert.False(File.Exists(oldCopy), "the old bundle's copy is gone");
        Assert.True(File.Exists(otherData), "a copy of other data is left to its own source's writes");
    }

    [Fact]
    public void CopyStillRead_MarkedUsed_KeptWhenAnotherInstallWritesItsCopy()
    {
        using var directory = new TempDirectory();
        var cache = new LanguageDataCache(directory.File("cache"));
        var install = Source(directory, "install-a");
        PinyinTable.Load(install, cache);
        var copy = cache.CompiledPath(install)!;
        File.SetLastWriteTimeUtc(copy, DateTime.UtcNow.AddDays(-40));

        Assert.Equal(["zhong"], PinyinTable.Load(install, cache).Readings('重'));
        PinyinTable.Load(Source(directory, "install-b"), cache);

        Assert.True(File.Exists(copy), "the copy read a moment ago stays");
        Assert.True(File.GetLastWriteTimeUtc(copy) > DateTime.UtcNow.AddDays(-1), "reading it marked it used");
    }

    [Fact]
    public void ManyInstallsAtOnce_OnlyTheMostRecentlyUsedCopiesStay()
    {
        using var directory = new TempDirectory();
        var cache = new LanguageDataCache(directory.File("cache"));
        var copies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var source = Source(directory, $"install-{i}");
            PinyinTable.Load(source, cache);
            copies.Add(cache.CompiledPath(source)!);
            File.SetLastWriteTimeUtc(copies[^1], DateTime.UtcNow.AddDays(-10 + i));
        }

        var newest = Source(directory, "install-new");
        PinyinTable.Load(newest, cache);

        var left = Directory.GetFiles(cache.Directory!, "*.car").Order().ToList();
        Assert.Equal([.. new[] { cache.CompiledPath(newest)!, copies[5], copies[4], copies[3] }.Order()], left);
        Assert.Equal(LanguageDataCache.KeptCopies, left.Count);
    }

    [Fact]
    public void ManyInstallsReadToday_NoneDeleted_SideBySideBuildsDoNotTakeTurns()
    {
        using var directory = new TempDirectory();
        var cache = new LanguageDataCache(directory.File("cache"));
        for (var i = 0; i < 6; i++)
        {
            PinyinTable.Load(Source(directory, $"install-{i}"), cache);
        }

        Assert.Equal(6, Directory.GetFiles(cache.Directory!, "*.car").Length);
    }

    [Fact]
    public void PartialFileOfAStartThatDied_DeletedOnceADayOld()
    {
        using var directory = new TempDirectory();
        var cache = new LanguageDataCache(directory.File("cache"));
        var install = Source(directory, "install");
        Directory.CreateDirectory(cache.Directory!);
        var dead = cache.CompiledPath(install) + ".4242.partial";
        var writing = cache.CompiledPath(install) + ".4343.partial";
        File.WriteAllBytes(dead, [1]);
        File.WriteAllBytes(writing, [1]);
        File.SetLastWriteTimeUtc(dead, DateTime.UtcNow.AddDays(-2));

        PinyinTable.Load(install, cache);

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(writing), "another start may be writing it now");
    }

    private static string Source(TempDirectory directory, string folder)
    {
        var path = Path.Combine(directory.Path, folder, "modern.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Table);
        return path;
    }
}
