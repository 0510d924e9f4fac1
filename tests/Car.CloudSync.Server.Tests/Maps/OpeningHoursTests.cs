using Car.CloudSync.Server.Maps;

namespace Car.CloudSync.Server.Tests.Maps;

public sealed class OpeningHoursTests
{
    [Theory]
    [InlineData("11:00-14:00,17:00-21:30", 12, 30, true)]
    [InlineData("11:00-14:00,17:00-21:30", 15, 0, false)]
    [InlineData("17:00-02:00", 1, 30, true)]
    [InlineData("17:00-02:00", 12, 0, false)]
    [InlineData("00:00-24:00", 3, 0, true)]
    [InlineData("", 3, 0, true)]
    public void IsOpen_RangesAndMidnight_AsWritten(string hours, int hour, int minute, bool expected)
    {
        Assert.Equal(expected, OpeningHours.Parse(hours).IsOpen(new TimeOnly(hour, minute)));
    }
}
