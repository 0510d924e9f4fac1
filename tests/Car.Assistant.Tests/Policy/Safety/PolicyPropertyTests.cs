using Car.Assistant.Policy;
using Car.Assistant.Policy.Safety;
using Car.Language;
using Car.Language.Model;
using Car.Testing;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Car.Assistant.Tests.Policy.Safety;

/// <summary>
/// The policy over the whole intent schema and any vehicle state: random intent lists (any slot value the grammar
/// allows, and numbers to ±999.9) on random speeds, gears, rain, openings and sensor ages, including implausible
/// ones. Whatever was said, every target the policy sends must pass the safety envelope on that state and the
/// catalog's own check. The invariants are <see cref="SafetyEnvelope"/>'s, the ones the executor and supervisor use.
/// </summary>
public sealed class PolicyPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 10_000;
    private static readonly SafetyEnvelope Envelope = new(Microsoft.Extensions.Options.Options.Create(new PolicyOptions()));
    private static readonly IReadOnlyDictionary<string, SignalValue> Parked = ParkedValues();

    [Fact]
    public void Decide_AnyIntentsOnAnyState_EverySentTargetIsInsideTheEnvelope()
    {
        var checkedActions = 0;
        var property = Prop.ForAll(
            Arb.From(from state in States() from intents in Intents() from confirmed in Gen.Elements(false, true) select (state, intents, confirmed)),
            c =>
            {
                var vehicle = new VehicleState(c.state, Envelope);
                var context = new PolicyContext(vehicle, new PolicyOptions(), NeedPersists: c.confirmed, Confirmed: c.confirmed);
                var decision = PolicyHarness.Policy.Decide(c.intents, context, c.confirmed);
                foreach (var action in decision.Actions)
                {
                    checkedActions++;
                    var violation = Envelope.Violation(action, vehicle.Situation);
                    var invalid = PolicyHarness.Catalog.Get(action.Signal).Validate(action.Value);
                    if (violation is not null || invalid is not null)
                    {
                        throw new InvalidOperationException(
                            $"{string.Join("; ", c.intents)} at {vehicle.Situation} sent {action.Signal}={action.Value}: {violation ?? invalid}");
                    }
                }
            });

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true));

        output.WriteLine($"{Cases} cases, {checkedActions} targets checked");
        Assert.True(checkedActions > Cases / 2);
    }

    private static Gen<VehicleSnapshot> States() =>
        from speed in Gen.OneOf(Gen.Choose(0, 250).Select(s => (double)s), Gen.Elements(double.NaN, -1, -110, 999, 80, 79.9, 0.5))
        from gear in Gen.Elements(VssGears.Park, VssGears.Drive, 0, -1, 1, 200)
        from rain in Gen.Elements(0, 5, 9, 10, 60, 100, -3)
        from window in Gen.Choose(0, 100)
        from sunroof in Gen.Choose(-100, 100)
        from stale in Gen.Elements(0, 0, 0, 30)
        select Snapshot(speed, gear, rain, window, sunroof, stale);

    private static Gen<Intent[]> Intents()
    {
        var schema = TestModel.Model.Schema.Intents;
        var one = from definition in Gen.Elements(schema.ToArray())
                  from slots in Gen.CollectToArray(definition.Slots, Slot)
                  select new Intent(definition.Name, [.. slots.Where(s => s is not null).Select(s => s!.Value)]);
        return Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf<Intent>(one, n));
    }

    private static Gen<KeyValuePair<string, SlotValue>?> Slot(SlotDefinition slot)
    {
        Gen<SlotValue> value = slot.Kind switch
        {
            SlotKind.Number => Gen.OneOf(
                Gen.Choose(-9999, 9999).Select(n => SlotValue.Of(n / 10.0)),
                Gen.Choose((int)(slot.Min ?? 0), (int)(slot.Max ?? 100)).Select(n => SlotValue.Of((double)n))),
            SlotKind.Enum => Gen.Elements((slot.Values ?? ["x"]).ToArray()).Select(SlotValue.Of),
            SlotKind.Bool => Gen.Elements(true, false).Select(SlotValue.Of),
            _ => Gen.Elements("机场", "周杰伦", "蓝色", "小王", string.Empty).Select(SlotValue.Of),
        };
        return Gen.Frequency(
            (1, Gen.Constant<KeyValuePair<string, SlotValue>?>(null)),
            (3, value.Select(v => (KeyValuePair<string, SlotValue>?)new KeyValuePair<string, SlotValue>(slot.Name, v))));
    }

    private static VehicleSnapshot Snapshot(double speed, int gear, int rain, int window, int sunroof, int staleSeconds)
    {
        var values = new Dictionary<string, SignalValue>(Parked, StringComparer.Ordinal)
        {
            [VssPaths.Speed] = SignalValue.FromNumber(speed),
            [VssPaths.SelectedGear] = SignalValue.FromNumber(gear),
            [VssPaths.RainIntensity] = SignalValue.FromNumber(rain),
            [VssPaths.WindowPosition(VssPlaces.DriverSide)] = SignalValue.FromNumber(window),
            [VssPaths.SunroofPosition] = SignalValue.FromNumber(sunroof),
        };
        var now = DateTimeOffset.UnixEpoch + TimeSpan.FromDays(1);
        return new VehicleSnapshot(values, now, new Dictionary<string, DateTimeOffset> { [VssPaths.Speed] = now - TimeSpan.FromSeconds(staleSeconds) });
    }

    private static Dictionary<string, SignalValue> ParkedValues()
    {
        using var car = new VehicleSimulator(PolicyHarness.Catalog, Microsoft.Extensions.Options.Options.Create(new SimulatorOptions()), new FakeTimeProvider());
        var snapshot = car.GetSnapshotAsync().AsTask().GetAwaiter().GetResult();
        return snapshot.Paths.ToDictionary(p => p, p => snapshot[p], StringComparer.Ordinal);
    }
}
