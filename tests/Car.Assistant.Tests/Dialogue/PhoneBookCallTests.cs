using Car.VehicleBus.Signals;

namespace Car.Assistant.Tests.Dialogue;

/// <summary>
/// With the owner's contacts known (a gazetteer with contact lines), the car calls only a name in the book or a
/// number; with none known it calls the name as heard.
/// </summary>
public sealed class PhoneBookCallTests : IDisposable
{
    private readonly string _contacts = Path.Combine(Path.GetTempPath(), $"car-contacts-{Guid.NewGuid():N}.tsv");

    public PhoneBookCallTests() => File.WriteAllText(_contacts, "contact\t老高\ncontact\t林小禾\ncontact\t王晓芸\ncontact\t老妈\ntitle\t晚风吹过山岗\n");

    public void Dispose() => File.Delete(_contacts);

    [Theory]
    [InlineData("打电话给老高", "老高")]
    [InlineData("给林小禾打个电话", "林小禾")]
    [InlineData("拨打13812345678", "13812345678")]
    public async Task ContactInTheBookOrANumber_IsCalled(string said, string called)
    {
        using var harness = WithBook();

        var report = await harness.SayAsync(said);

        Assert.Equal(called, (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
        Assert.Empty(report.Refused);
    }

    [Fact]
    public async Task NameNotInTheBook_IsNotCalledAndTheReplySaysWhy()
    {
        using var harness = WithBook();

        var report = await harness.SayAsync("打电话给东风");

        Assert.Equal(string.Empty, (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
        Assert.Empty(report.Actions);
        Assert.Equal("通讯录里没有找到东风，没有拨打", Assert.Single(report.Refused).Reason);
        Assert.Empty(report.Carried);
    }

    [Theory]
    [InlineData("打电话给王小云", "王晓芸")]
    [InlineData("给我妈打个电话", "老妈")]
    [InlineData("林小禾", "林小禾")]
    public async Task ContactSoundingLikeSaidByAnotherNameOrAlone_AskedAboutThenTheContactIsCalled(string said, string contact)
    {
        using var harness = WithBook();

        var asked = await harness.SayAsync(said);
        await harness.SayAsync("确定");

        Assert.Equal($"您是要打电话给{contact}吗？", asked.Ask);
        Assert.Empty(asked.Actions);
        Assert.Empty(asked.Refused);
        Assert.Equal(contact, (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
    }

    [Fact]
    public async Task NoContactsKnown_TheNameIsCalledAsHeard()
    {
        using var harness = new ConversationHarness();

        await harness.SayAsync("打电话给东风");

        Assert.Equal("东风", (await harness.Car.GetAsync(VssPaths.PhoneActiveCall)).AsString());
    }

    private ConversationHarness WithBook() =>
        new(settings: new Dictionary<string, string?> { ["Language:Gazetteers:0"] = _contacts });
}
