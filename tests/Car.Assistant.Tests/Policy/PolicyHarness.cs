using Car.Assistant.Policy;
using Car.Assistant.Policy.Safety;
using Car.CloudSync.Recommendations;
using Car.Testing;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace Car.Assistant.Tests.Policy;

/// <summary>Parses an utterance and lets the policy decide on a simulated car in a given scenario.</summary>
internal sealed class PolicyHarness : IDisposable
{
    public PolicyHarness(DrivingScenario scenario)
    {
        Car = new VehicleSimulator(Catalog, Microsoft.Extensions.Options.Options.Create(new SimulatorOptions { Scenario = scenario }), Clock);
    }

    /// <summary>The bundled VSS catalog (models/vss beside the tests), loaded once.</summary>
    public static SignalCatalog Catalog { get; } = SignalCatalogLoader.Load(new SignalCatalogOptions());

    public FakeTimeProvider Clock { get; } = new();

    /// <summary>Sets an actuator and lets the simulated car reach it.</summary>
    public void Settle(string signal, SignalValue value)
    {
        Car.ActuateAsync(signal, value).AsTask().GetAwaiter().GetResult();
        Clock.Advance(TimeSpan.FromSeconds(10));
    }

    public static AssistantPolicy Policy { get; } = new(PolicyRules.CreateDefault());

    public VehicleSimulator Car { get; }

    public PolicyOptions Options { get; } = new();

    public PolicyDecision Decide(string text, bool needPersists = false, IReadOnlyDictionary<string, RoutePlan>? routes = null)
    {
        var snapshot = Car.GetSnapshotAsync().AsTask().GetAwaiter().GetResult();
        var context = new PolicyContext(
            new VehicleState(snapshot, new SafetyEnvelope(Microsoft.Extensions.Options.Options.Create(Options))), Options, needPersists, Routes: routes);
        return Policy.Decide(TestModel.Parser.Parse(text).Intents, context);
    }

    /// <summary>Decides, carries out the decided actions on the car and lets it reach them: what the user then sees.</summary>
    public PolicyDecision Do(string text)
    {
        var decision = Decide(text);
        foreach (var action in decision.Actions)
        {
            Car.ActuateAsync(action.Signal, action.Value).AsTask().GetAwaiter().GetResult();
        }

        Clock.Advance(TimeSpan.FromSeconds(10));
        return decision;
    }

    public double Read(string signal) => Car.GetAsync(signal).AsTask().GetAwaiter().GetResult().AsNumber();

    public void Dispose() => Car.Dispose();

    public static double Number(PolicyDecision decision, string signal) =>
        decision.Actions.Single(a => a.Signal == signal).Value.AsNumber();

    public static bool Flag(PolicyDecision decision, string signal) =>
        decision.Actions.Single(a => a.Signal == signal).Value.AsBoolean();

    public static string DriverWindow => VssPaths.WindowPosition(VssPlaces.DriverSide);
}
