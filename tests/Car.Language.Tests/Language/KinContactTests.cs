using Car.Language.Gazetteers;
using Car.Testing;

namespace Car.Language.Tests.Language;

/// <summary>A relative said by another of their names is the contact the owner saved them as.</summary>
public sealed class KinContactTests
{
    private static readonly Lazy<RuleParser> WithBook = new(() => Parser("老妈", "老婆", "老高"));

    [Theory]
    [InlineData("给妈打个电话过去", "老妈")]
    [InlineData("给我妈打个电话", "老妈")]
    [InlineData("拨打媳妇的电话", "老婆")]
    public void Parse_AnotherNameOfAKinContact_IsThatContactAskedAbout(string text, string contact)
    {
        var call = Assert.Single(WithBook.Value.Parse(text).Intents);

        Assert.Equal($"phone.call(contact={contact})", TestModel.Compact([call]));
        Assert.False(call.IsClear, "another name for a relative is asked about: the book may hold it for someone else");
    }

    [Fact]
    public void Parse_TheSavedNameAfterMy_IsCalledAtOnce()
    {
        var call = Assert.Single(WithBook.Value.Parse("打电话给我老婆").Intents);

        Assert.Equal("phone.call(contact=老婆)", TestModel.Compact([call]));
        Assert.True(call.IsClear);
    }

    [Fact]
    public void Parse_TwoContactsGoByTheName_TheNameStaysAsHeard()
    {
        var parser = Parser("妈妈", "老妈");

        Assert.Equal("phone.call(contact=妈)", TestModel.Compact(parser.Parse("给妈打个电话过去").Intents));
    }

    [Theory]
    [InlineData("帮我打个电话给爸爸", "phone.call(contact=爸爸)")]
    [InlineData("打电话给高明", "phone.call(contact=高明)")]
    public void Parse_NoRelativeOfThatNameInTheBook_TheNameStaysAsHeard(string text, string expected)
    {
        Assert.Equal(expected, TestModel.Compact(WithBook.Value.Parse(text).Intents));
    }

    [Fact]
    public void Parse_NoContactsKnown_TheNameStaysAsHeard()
    {
        Assert.Equal("phone.call(contact=我老婆)", TestModel.Parse("打电话给我老婆"));
    }

    private static RuleParser Parser(params string[] contacts)
    {
        var names = new Gazetteer();
        foreach (var contact in contacts)
        {
            names.Add(GazetteerKind.Contact, contact);
        }

        return TestModel.ParserWith(names);
    }
}
