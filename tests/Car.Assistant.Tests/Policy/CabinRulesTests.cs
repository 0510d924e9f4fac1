using System.Text.Json;
using Car.Assistant.Policy;
using Car.Testing;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Tests.Policy;

/// <summary>VSS writes the ambient light's colour as <c>#RRGGBB</c>; the bus never gets the word that was said.</summary>
public class CabinRulesTests
{
    [Fact]
    public async Task AmbientLight_ColourSaid_SetsVssColourCodeAndNamesTheColour()
    {
        using var harness = new PolicyHarness(DrivingScenario.Parked);

        var decision = harness.Do("氛围灯换成蓝色");

        Assert.Equal("氛围灯已换成蓝色", decision.Reply);
        Assert.True((await harness.Car.GetAsync(VssPaths.AmbientLightOn)).AsBoolean());
        Assert.Equal("#0040FF", (await harness.Car.GetAsync(VssPaths.AmbientLightColor)).AsString());
    }

    [Fact]
    public void AmbientLight_EveryColourTheLanguageKnows_HasACode()
    {
        using var lexicon = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestModel.Directory, "lexicon.json")));
        foreach (var word in lexicon.RootElement.GetProperty("concepts").GetProperty("color").EnumerateArray().Select(w => w.GetString()!))
        {
            Assert.True(AmbientColors.TryFind(word, out var name, out var code), word);
            Assert.Matches("^#[0-9A-F]{6}$", code);
            Assert.EndsWith("色", name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryFind_ShortAndLongWord_SameColour()
    {
        Assert.True(AmbientColors.TryFind("红", out var shortName, out var shortCode));
        Assert.True(AmbientColors.TryFind("红色", out var longName, out var longCode));

        Assert.Equal(("红色", "#FF0000"), (shortName, shortCode));
        Assert.Equal((shortName, shortCode), (longName, longCode));
    }

    [Fact]
    public void TryFind_UnknownColour_NotFound()
    {
        Assert.False(AmbientColors.TryFind("彩虹色", out _, out _));
    }
}
