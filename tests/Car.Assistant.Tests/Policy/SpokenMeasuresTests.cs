using Car.Assistant.Policy;
using Car.CloudSync.Recommendations;

namespace Car.Assistant.Tests.Policy;

public class SpokenMeasuresTests
{
    [Theory]
    [InlineData(84, "80米")]
    [InlineData(996, "1000米")]
    [InlineData(1000, "1公里")]
    [InlineData(1234, "1.2公里")]
    public void Distance_IsSaidInMetresBelowAKilometre(double meters, string spoken) =>
        Assert.Equal(spoken, SpokenMeasures.Distance(meters));

    [Theory]
    [InlineData(20, "约1分钟")]
    [InlineData(700, "约12分钟")]
    [InlineData(4500, "约1小时15分钟")]
    public void Duration_IsRoundedToMinutes(int seconds, string spoken) =>
        Assert.Equal(spoken, SpokenMeasures.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(30, "刚才")]
    [InlineData(600, "10分钟前")]
    [InlineData(7300, "2小时前")]
    [InlineData(200000, "2天前")]
    public void Age_SaysHowLongAgo(int seconds, string spoken) =>
        Assert.Equal(spoken, SpokenMeasures.Age(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Congestion_UnknownSaysNothing()
    {
        Assert.Equal(string.Empty, SpokenMeasures.Congestion(CongestionLevel.Unknown));
        Assert.Equal("路上拥堵", SpokenMeasures.Congestion(CongestionLevel.Jammed));
    }
}
