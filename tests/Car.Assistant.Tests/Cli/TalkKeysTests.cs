using Car.Assistant.Cli;
using Car.Speech.Capture;

namespace Car.Assistant.Tests.Cli;

public sealed class TalkKeysTests
{
    [Fact]
    public async Task ReadAsync_SpaceThenEnter_PressesThenReleasesTheButton()
    {
        var button = new PushToTalk();
        var changes = new List<bool>();
        button.Changed += changes.Add;

        await TalkKeys.ReadAsync(new StringReader(" x\r\n"), button, CancellationToken.None);

        Assert.Equal([true, false], changes);
        Assert.False(button.IsHeld);
    }
}
