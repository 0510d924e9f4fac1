using System.Text.Json;
using Car.Language.SoundAlike;
using Car.Testing;
using Xunit.Abstractions;

namespace Car.Language.Tests.SoundAlike;

public class SoundAlikeMatcherTests(ITestOutputHelper output)
{
    private static readonly Lazy<PinyinTable> Table = new(() => PinyinTable.Load(PinyinTable.DefaultPath));

    private static readonly string[] CarWords = ["车窗", "空调", "导航", "座椅加热", "座椅", "加热", "天窗", "音量", "开车"];

    private static readonly Lazy<SoundAlikeMatcher> Lexicon = new(() => new SoundAlikeMatcher(Table.Value, LexiconWords()));

    [Theory]
    [InlineData("打开车穿", "打开车窗")]
    [InlineData("把空挑打开", "把空调打开")]
    [InlineData("倒航到机场", "导航到机场")]
    [InlineData("打开座以加热", "打开座椅加热")]
    [InlineData("关闭添窗", "关闭天窗")]
    [InlineData("音亮调大", "音量调大")]
    public void Repair_Slip_DomainWord(string heard, string meant)
    {
        var matcher = new SoundAlikeMatcher(Table.Value, CarWords);

        Assert.Equal(meant, matcher.Repair(heard));
    }

    [Theory]
    [InlineData("打开车窗")]
    [InlineData("空调调到二十二度")]
    [InlineData("我想吃火锅")]
    [InlineData("")]
    [InlineData("abc 123")]
    public void Repair_NoSlip_Unchanged(string text)
    {
        var matcher = new SoundAlikeMatcher(Table.Value, CarWords);

        Assert.Equal(text, matcher.Repair(text));
    }

    [Fact]
    public void Find_Slip_ReportsSpanAndWord()
    {
        var matcher = new SoundAlikeMatcher(Table.Value, CarWords);

        var found = Assert.Single(matcher.Find("请打开车穿吧"));

        Assert.Equal(new SoundAlikeMatch(3, 2, "车窗"), found);
    }

    [Fact]
    public void Find_LongerWordAvailable_PrefersLonger()
    {
        var matcher = new SoundAlikeMatcher(Table.Value, CarWords);

        var found = Assert.Single(matcher.Find("座以加热"));

        Assert.Equal("座椅加热", found.Word);
    }

    [Fact]
    public void Find_AcrossAsciiOrPunctuation_NoMatch()
    {
        var matcher = new SoundAlikeMatcher(Table.Value, CarWords);

        Assert.Empty(matcher.Find("车 穿"));
        Assert.Empty(matcher.Find("车,穿"));
        Assert.Empty(matcher.Find("车1穿"));
    }

    [Fact]
    public void Find_SpanIsKnownWord_Kept()
    {
        var matcher = new SoundAlikeMatcher(Table.Value, ["事情"]);

        Assert.True(Table.Value.IsKnownWord("实情"));
        Assert.Empty(matcher.Find("实情"));
    }

    [Fact]
    public void Constructor_SingleCharactersAndNonHan_LeftOut()
    {
        var matcher = new SoundAlikeMatcher(Table.Value, ["去", "车窗", "ok吧", "车窗", "A柱"]);

        Assert.Equal(["车窗"], matcher.Words);
        Assert.Equal("取机场", matcher.Repair("取机场"));
    }

    [Fact]
    public void Find_FAndHOnlyWhenAskedFor()
    {
        var plain = new SoundAlikeMatcher(Table.Value, ["导航"]);
        var southern = new SoundAlikeMatcher(Table.Value, ["导航"], new SoundAlikeOptions { Confusions = PinyinConfusion.Default | PinyinConfusion.LabialGlottal });

        Assert.Empty(plain.Find("导放"));
        Assert.Equal("导航", Assert.Single(southern.Find("导放")).Word);
    }

    [Theory]
    [InlineData("打开车窗")]
    [InlineData("空调调到二十二度")]
    [InlineData("导航到首都机场")]
    [InlineData("把座椅加热打开")]
    public void Repair_LexiconWordsRealCommand_Unchanged(string text)
    {
        Assert.Equal(text, Lexicon.Value.Repair(text));
    }

    [Theory]
    [InlineData("打开车穿", "打开车窗")]
    [InlineData("把空挑打开", "把空调打开")]
    [InlineData("倒航到机场", "导航到机场")]
    public void Repair_LexiconWordsSlip_Repaired(string heard, string meant)
    {
        Assert.Equal(meant, Lexicon.Value.Repair(heard));
    }

    /// <summary>
    /// Every corpus line is a correct command, some written with the recogniser slips that the lexicon's replace
    /// section repairs: a change Repair makes that the replace section does not is a false positive.
    /// </summary>
    [Fact]
    public void Repair_LexiconWordsOverCorpora_FewFalsePositives()
    {
        var lines = TestCorpus.Read("corpus.tsv").Concat(TestCorpus.Read("holdout.tsv")).Select(c => c.Utterance).ToList();
        var replace = LexiconReplacements();

        var altered = lines.Select(l => (Line: l, Repaired: Lexicon.Value.Repair(l))).Where(p => p.Line != p.Repaired).ToList();
        var wrong = altered.Where(p => p.Repaired != Replace(p.Line, replace)).ToList();

        output.WriteLine($"{Lexicon.Value.Words.Count} lexicon words; {altered.Count} of {lines.Count} lines altered, {wrong.Count} not as the replace section would");
        foreach (var (line, repaired) in altered)
        {
            output.WriteLine($"{(wrong.Contains((line, repaired)) ? "FALSE" : "slip ")} {line} → {repaired}");
        }

        Assert.True(wrong.Count <= 3, $"{wrong.Count} false positives");
    }

    /// <summary>
    /// The replace section's same-length slips (not its traditional characters, nor the entries that keep a word as it
    /// is, 到航站, against a shorter slip inside it), each heard alone.
    /// </summary>
    [Fact]
    public void Repair_LexiconReplaceSlips_MostFound()
    {
        var slips = LexiconReplacements()
            .Where(p => p.Key != p.Value && p.Key.Length == p.Value.Length && p.Key.Length >= 2 && p.Key.All(c => Table.Value.Readings(c).Count > 0))
            .ToList();

        var found = slips.Where(p => Lexicon.Value.Repair(p.Key) == p.Value).ToList();

        output.WriteLine($"{found.Count} of {slips.Count} slips found");
        foreach (var (slip, meant) in slips.Except(found))
        {
            output.WriteLine($"missed {slip} → {meant} (got {Lexicon.Value.Repair(slip)})");
        }

        Assert.True(found.Count * 10 >= slips.Count * 8, $"{found.Count} of {slips.Count}");
    }

    private static string Replace(string line, IReadOnlyList<KeyValuePair<string, string>> replace) =>
        replace.OrderByDescending(p => p.Key.Length).Aggregate(line, (text, p) => text.Replace(p.Key, p.Value, StringComparison.Ordinal));

    private static List<KeyValuePair<string, string>> LexiconReplacements()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestModel.Directory, "lexicon.json")));
        return document.RootElement.GetProperty("replace").EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!))
            .ToList();
    }

    /// <summary>The words the product repairs towards: the lexicon's words for what the car does.</summary>
    private static List<string> LexiconWords() => [.. RuleParserResourcesLoader.CarWords(TestModel.Model.Lexicon)];
}
