using Car.Language.Gazetteers;
using Car.Testing;

namespace Car.Language.Tests.Language;

/// <summary>
/// What the car's media library changes in requests to play: a title or a singer said alone, with nothing else of a
/// request, and where a title that follows a singer ends.
/// </summary>
public sealed class MediaLibraryParsingTests
{
    private static readonly RuleParser WithLibrary = new(TestModel.Model, resources: TestModel.Resources with { Names = Library() });

    [Theory]
    [InlineData("晚风吹过山岗", "media.play(query=晚风吹过山岗)")]
    [InlineData("晚风吹过山岗吧", "media.play(query=晚风吹过山岗)")]
    [InlineData("林一舟唱的远山的灯", "media.play(artist=林一舟,title=远山的灯)")]
    [InlineData("林一舟唱的那个远山的灯", "media.play(artist=林一舟,title=远山的灯)")]
    [InlineData("林一舟演唱的", "media.play(artist=林一舟)")]
    [InlineData("林一舟", "media.play(query=林一舟)")]
    [InlineData("林一舟晚风吹过山岗", "media.play(artist=林一舟,title=晚风吹过山岗)")]
    [InlineData("晚风吹过山岗林一舟", "media.play(artist=林一舟,title=晚风吹过山岗)")]
    [InlineData("来个晚风吹过山岗", "media.play(query=晚风吹过山岗)")]
    [InlineData("搜一下晚风吹过山岗", "media.play(query=晚风吹过山岗)")]
    [InlineData("唱林一舟", "media.play(query=林一舟)")]
    [InlineData("林一舟音乐", "media.play(query=林一舟)")]
    public void Parse_NameInTheLibrarySaidAlone_PlaysItWithoutAsking(string text, string expected)
    {
        var parse = WithLibrary.Parse(text);

        Assert.Equal(expected, TestModel.Compact(parse.Intents));
        Assert.True(parse.Intents[0].IsClear, $"'{text}' should play without a question, confidence {parse.Intents[0].Confidence}");
    }

    [Theory]
    [InlineData("山岗")]
    [InlineData("来个山岗")]
    [InlineData("hello")]
    [InlineData("你在想什么呀")]
    public void Parse_ShortWordOrQuestionThatIsAlsoATitle_IsAskedNotPlayed(string text)
    {
        var parse = WithLibrary.Parse(text);

        var asked = Assert.Single(parse.Intents);
        Assert.Equal("media.play", asked.Name);
        Assert.False(asked.IsClear, $"'{text}' is an everyday word or a question as well as a title: the car asks before playing it");
    }

    [Fact]
    public void Parse_NameThatIsAlsoAContact_NeitherPlaysNorCalls()
    {
        Assert.DoesNotContain(WithLibrary.Parse("青木川").Intents, i => i.IsClear);
    }

    [Theory]
    [InlineData("晚风吹过山岗")]
    [InlineData("你唱的真好听")]
    [InlineData("他唱的是什么")]
    public void Parse_NoLibrary_TitleOrRemarkSaidAloneDoesNothing(string text)
    {
        Assert.Equal("-", TestModel.Parse(text));
    }

    [Fact]
    public void Parse_SingerAndTitleSaidAloneWithoutLibrary_IsAsked()
    {
        var asked = Assert.Single(TestModel.Parser.Parse("林一舟唱的远山的灯").Intents);

        Assert.Equal("media.play(artist=林一舟,title=远山的灯)", TestModel.Compact([asked]));
        Assert.False(asked.IsClear);
    }

    [Fact]
    public void Parse_WholeQueryIsALibraryTitle_StaysOneTitle()
    {
        // Without the library 柯小柒 reads as a singer and 晚风 as the song.
        Assert.Equal("media.play(artist=柯小柒,title=晚风)", TestModel.Parse("播放柯小柒的晚风"));

        Assert.Equal("media.play(query=柯小柒的晚风)", TestModel.Compact(WithLibrary.Parse("播放柯小柒的晚风").Intents));
    }

    [Theory]
    [InlineData("来一首林一舟的晚风吹过山岗开车听", "media.play(artist=林一舟,title=晚风吹过山岗)")]
    [InlineData("来一首林一舟的山岗上的风", "media.play(artist=林一舟,title=山岗上的风)")]
    public void Parse_TitleOpeningWithALibraryTitle_IsThatTitleWhenItHasThreeCharactersOrMore(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Compact(WithLibrary.Parse(text).Intents));
    }

    [Fact]
    public void Parse_OneCharacterTitleInTheLibrary_DoesNotMakeAPlaceOfTalk()
    {
        // A song called 走: the segmenter must still read 走 as the verb it is, so 走松岭大道 (take that road) is not a
        // destination named 走松岭大道.
        var names = new Gazetteer();
        names.Add(GazetteerKind.Title, "走");

        var parse = TestModel.ParserWith(names).Parse("走松岭大道");

        Assert.DoesNotContain(parse.Intents, i => i.IsClear);
    }

    private static Gazetteer Library()
    {
        var library = new Gazetteer();
        library.Add(GazetteerKind.Title, "晚风吹过山岗");
        library.Add(GazetteerKind.Title, "山岗");
        library.Add(GazetteerKind.Title, "hello");
        library.Add(GazetteerKind.Title, "你在想什么");
        library.Add(GazetteerKind.Title, "柯小柒的晚风");
        library.Add(GazetteerKind.Artist, "林一舟");
        library.Add(GazetteerKind.Artist, "青木川");
        library.Add(GazetteerKind.Contact, "青木川");
        return library;
    }
}
