using Car.Language.Llm;
using Car.Llama;
using Car.Testing;

namespace Car.Language.Tests.Llm;

public class CascadeParserTests
{
    [Theory]
    [InlineData("有点闷")]
    [InlineData("再低一点")]
    [InlineData("天气怎么样")]
    [InlineData("讲个笑话")]
    [InlineData("刚才车窗自己开了")]
    [InlineData("给我妈打电话的时候她在做饭")]
    [InlineData("别开窗")]
    [InlineData("先不去机场")]
    [InlineData("除了主驾其他车窗都打开")]
    [InlineData("教我怎么开空调")]
    [InlineData("开窗吧，算了")]
    [InlineData("锁车，等一下，先别锁")]
    [InlineData("空调一直开着")]
    public async Task ParseAsync_RulesAnswerOrPlainlyNoRequest_ModelNotAsked(string text)
    {
        var model = new CountingParser();
        var cascade = new CascadeParser(TestModel.Parser, model);

        var result = await cascade.ParseAsync(text);

        Assert.Equal(0, model.Calls);
        Assert.Equal("rules", result.Engine);
    }

    [Theory]
    [InlineData("车里有点浑浊")]
    [InlineData("这车里的味儿让人受不了")]
    public async Task ParseAsync_RulesFindNothing_ModelAnswers(string text)
    {
        var model = new CountingParser();
        var cascade = new CascadeParser(TestModel.Parser, model);

        var result = await cascade.ParseAsync(text);

        Assert.Equal(1, model.Calls);
        Assert.Equal("fake-llm", result.Engine);
    }

    private sealed class CountingParser : IIntentParser
    {
        public int Calls { get; private set; }

        public string Engine => "fake-llm";

        public ValueTask<ParsedUtterance> ParseAsync(string text, CancellationToken cancellationToken = default)
        {
            Calls++;
            return ValueTask.FromResult(new ParsedUtterance(text, [new Intent(IntentNames.ComfortCold)], Engine));
        }
    }
}
