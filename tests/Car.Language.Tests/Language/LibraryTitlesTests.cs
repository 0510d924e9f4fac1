using Car.Language.Gazetteers;
using Car.Testing;

namespace Car.Language.Tests.Language;

/// <summary>Where a request to play splits into a singer and a title, the media library's titles decide where the title ends.</summary>
public sealed class LibraryTitlesTests
{
    private static readonly RuleParser WithLibrary = new(TestModel.Model, resources: TestModel.Resources with { Names = Library() });

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

    private static Gazetteer Library()
    {
        var library = new Gazetteer();
        library.Add(GazetteerKind.Title, "柯小柒的晚风");
        library.Add(GazetteerKind.Title, "晚风吹过山岗");
        library.Add(GazetteerKind.Title, "山岗");
        library.Add(GazetteerKind.Artist, "林一舟");
        return library;
    }
}
