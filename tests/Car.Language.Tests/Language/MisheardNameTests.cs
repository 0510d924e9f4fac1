using Car.Language.Gazetteers;
using Car.Testing;

namespace Car.Language.Tests.Language;

/// <summary>
/// A name the recogniser spelled otherwise is the owner's contact, saved place or library title that sounds the same:
/// a call or a route is asked about first, a long title plays in the library's spelling.
/// </summary>
public sealed class MisheardNameTests
{
    private static readonly Lazy<RuleParser> WithNames = new(() =>
    {
        var names = new Gazetteer();
        names.Add(GazetteerKind.Contact, "王晓芸");
        names.Add(GazetteerKind.Contact, "老高");
        names.Add(GazetteerKind.Place, "汪家岭");
        names.Add(GazetteerKind.Title, "晚风吹过山岗");
        names.Add(GazetteerKind.Title, "山岗");
        return TestModel.ParserWith(names);
    });

    [Theory]
    [InlineData("打电话给王小云", "phone.call(contact=王晓芸)")]
    [InlineData("给王小云打个电话", "phone.call(contact=王晓芸)")]
    [InlineData("导航到王家岭", "nav.go(destination=汪家岭)")]
    [InlineData("王家岭", "nav.go(destination=汪家岭)")]
    [InlineData("晚枫吹过山岗", "media.play(query=晚风吹过山岗)")]
    [InlineData("王小云", "phone.call(contact=王晓芸)")]
    [InlineData("王晓芸", "phone.call(contact=王晓芸)")]
    public void Parse_NameSoundingLikeTheOwnersName_IsThatNameAskedAbout(string text, string expected)
    {
        var intent = Assert.Single(WithNames.Value.Parse(text).Intents);

        Assert.Equal(expected, TestModel.Compact([intent]));
        Assert.False(intent.IsClear, "a name the files do not hold is asked about before the car acts on the one that sounds like it");
    }

    [Fact]
    public void Parse_PlayingALongTitleSoundingLikeALibraryTitle_PlaysTheLibrarysSpellingAtOnce()
    {
        var play = Assert.Single(WithNames.Value.Parse("播放晚枫吹过山岗").Intents);

        Assert.Equal("media.play(query=晚风吹过山岗)", TestModel.Compact([play]));
        Assert.True(play.IsClear);
    }

    [Theory]
    [InlineData("打电话给王晓芸", "phone.call(contact=王晓芸)")]
    [InlineData("打电话给李四", "phone.call(contact=李四)")]
    [InlineData("播放山冈", "media.play(query=山冈)")]
    public void Parse_NameSpelledAsInTheFilesSoundingLikeNoneOrShort_StaysAsHeard(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Compact(WithNames.Value.Parse(text).Intents));
    }

    [Fact]
    public void Parse_NoNamesKnown_TheNameStaysAsHeard()
    {
        Assert.Equal("phone.call(contact=王小云)", TestModel.Parse("打电话给王小云"));
        Assert.Equal("media.play(query=晚枫吹过山岗)", TestModel.Parse("播放晚枫吹过山岗"));
    }
}
