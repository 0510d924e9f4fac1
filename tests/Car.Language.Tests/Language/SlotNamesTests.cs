using Car.Testing;

namespace Car.Language.Tests.Language;

public sealed class SlotNamesTests
{
    [Fact]
    public void SlotNames_Schema_NameTheSameSlotsBothWays()
    {
        var schema = TestModel.Model.Schema.Intents
            .SelectMany(i => i.Slots)
            .Select(s => s.Name)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(schema, ConstantValues.Of(typeof(SlotNames)));
    }
}
