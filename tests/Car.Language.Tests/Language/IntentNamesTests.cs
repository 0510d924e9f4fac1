using Car.Testing;

namespace Car.Language.Tests.Language;

public sealed class IntentNamesTests
{
    [Fact]
    public void IntentNames_Schema_NameTheSameIntentsBothWays()
    {
        var schema = TestModel.Model.Schema.Intents.Select(i => i.Name).Order(StringComparer.Ordinal);

        Assert.Equal(schema, ConstantValues.Of(typeof(IntentNames)));
    }
}
