using Car.Language.Model;
using Car.Testing;

namespace Car.Language.Tests.Language;

/// <summary>The constants for the values of the schema's enum slots (Positions, Zones, …) against the schema.</summary>
public sealed class SlotValueNamesTests
{
    private static readonly Dictionary<string, Type> ValueConstants = new(StringComparer.Ordinal)
    {
        [SlotNames.Position] = typeof(Positions),
        [SlotNames.Zone] = typeof(Zones),
        [SlotNames.Mode] = typeof(RecirculationModes),
        [SlotNames.Target] = typeof(DefrostTargets),
        [SlotNames.Preference] = typeof(RoutePreferences),
        [SlotNames.Subject] = typeof(StatusSubjects),
        [SlotNames.Category] = typeof(PlaceCategories),
    };

    private static IEnumerable<SlotDefinition> EnumSlots =>
        TestModel.Model.Schema.Intents.SelectMany(i => i.Slots).Where(s => s.Kind == SlotKind.Enum);

    [Fact]
    public void ValueConstants_EveryEnumSlotOfTheSchema_HasAClass()
    {
        var schema = EnumSlots.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(schema, ValueConstants.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValueConstants_Schema_NameTheSameValuesBothWays()
    {
        Assert.All(ValueConstants, pair =>
        {
            var schema = EnumSlots.Where(s => s.Name == pair.Key)
                .SelectMany(s => s.Values ?? [])
                .Distinct()
                .Order(StringComparer.Ordinal);

            Assert.Equal(schema, ConstantValues.Of(pair.Value));
        });
    }
}
