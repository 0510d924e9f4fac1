using Car.Language.Gazetteers;
using Car.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Car.Language.Tests.Language;

/// <summary>A contact the recogniser spelled otherwise is the owner's contact that sounds the same, asked about first.</summary>
public sealed class MisheardContactTests
{
    private static readonly Lazy<RuleParser> WithContacts = new(() =>
    {
        var names = new Gazetteer();
        names.Add(GazetteerKind.Contact, "王晓芸");
        names.Add(GazetteerKind.Contact, "老高");
        var resources = new RuleParserResourcesLoader(
            Options.Create(new LanguageOptions()), TestModel.Model, NullLogger<RuleParserResourcesLoader>.Instance, names).Load();
        return new RuleParser(TestModel.Model, resources: resources);
    });

    [Theory]
    [InlineData("打电话给王小云")]
    [InlineData("给王小云打个电话")]
    public void Parse_NameSoundingLikeAContact_IsThatContactAskedAbout(string text)
    {
        var call = Assert.Single(WithContacts.Value.Parse(text).Intents);

        Assert.Equal("phone.call(contact=王晓芸)", TestModel.Compact([call]));
        Assert.False(call.IsClear, "a name the book does not hold is asked about before the car calls the one that sounds like it");
    }

    [Theory]
    [InlineData("打电话给王晓芸", "phone.call(contact=王晓芸)")]
    [InlineData("打电话给李四", "phone.call(contact=李四)")]
    public void Parse_ContactSpelledAsInTheBookOrSoundingLikeNone_StaysAsHeard(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Compact(WithContacts.Value.Parse(text).Intents));
    }

    [Fact]
    public void Parse_NoContactsKnown_TheNameStaysAsHeard()
    {
        Assert.Equal("phone.call(contact=王小云)", TestModel.Parse("打电话给王小云"));
    }
}
