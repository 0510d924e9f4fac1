using System.Text;
using Car.Assistant.Cli.Evaluation;
using Car.Language;

namespace Car.Assistant.Tests.Cli.Evaluation;

public class CatsluReaderTests
{
    private static Task<IReadOnlyList<CatsluTurn>> ReadAsync(string json) =>
        CatsluReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);

    [Fact]
    public async Task Read_DestinationTurn_MapsToNavGoOnAsrText()
    {
        var turns = await ReadAsync("""[[{"utt_id":1,"manual_transcript":"(unknown)导航去东湖公园","asr_1best":"导航去东湖","semantic":[["inform","操作","导航"],["inform","终点名称","东湖公园"]]}]]""");

        var asr = CatsluMapping.Map(turns[0], manual: false);
        var manual = CatsluMapping.Map(turns[0], manual: true);

        Assert.Equal("导航去东湖", asr.Text);
        Assert.Equal("导航去东湖公园", manual.Text);
        Assert.Equal("nav.go(destination=东湖公园)", asr.Expected.ToString());
    }

    [Fact]
    public async Task Map_PickTheSecond_ExcludedAsNeedingContext()
    {
        var turns = await ReadAsync("""[[{"utt_id":1,"manual_transcript":"第二个","asr_1best":"第二个","semantic":[["inform","序列号","第二个"]]}]]""");

        Assert.NotNull(CatsluMapping.Map(turns[0], manual: false).Expected.NeedsContext);
    }

    [Fact]
    public async Task Map_NearbyGasStation_PoiSearch()
    {
        var turns = await ReadAsync("""[[{"utt_id":1,"manual_transcript":"附近的加油站","asr_1best":"附近的加油站","semantic":[["inform","请求类型","附近"],["inform","poi目标","加油站"]]}]]""");

        var expected = CatsluMapping.Map(turns[0], manual: false).Expected;

        Assert.Equal(IntentNames.PoiSearch, Assert.Single(expected.Intents!).Name);
    }

    [Fact]
    public async Task Read_BrokenJson_ErrorNamesTheLine()
    {
        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => ReadAsync("[[\n{\"utt_id\":1,\n\"asr_1best\":}]]"));

        Assert.StartsWith("line 3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_MissingTranscript_ErrorNamesTheTurn()
    {
        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => ReadAsync("""[[{"utt_id":1,"manual_transcript":"取消","semantic":[]}]]"""));

        Assert.Equal("dialogue 1 turn 1: missing asr_1best (string)", error.Message);
    }
}
