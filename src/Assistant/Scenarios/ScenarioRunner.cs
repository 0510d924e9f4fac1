using System.Diagnostics;
using Car.Assistant.Dialogue;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Scenarios;

/// <summary>
/// Runs a scenario on a fresh car: a host built with the scenario's settings (the assistant wired as the service
/// wires it, on the simulator), its steps in order on the real clock. A failed expectation is recorded and the
/// scenario goes on, so one run shows every step that failed.
/// </summary>
public sealed class ScenarioRunner
{
    private readonly Func<IReadOnlyDictionary<string, string?>, CancellationToken, Task<IHost>> _startCar;
    private readonly TimeProvider _time;

    /// <param name="startCar">Starts a host for one scenario with these settings added to the command line's.</param>
    public ScenarioRunner(Func<IReadOnlyDictionary<string, string?>, CancellationToken, Task<IHost>> startCar, TimeProvider time)
    {
        _startCar = startCar;
        _time = time;
    }

    public async Task<ScenarioResult> RunAsync(ScenarioScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        var clock = Stopwatch.StartNew();
        using var host = await _startCar(script.Settings, cancellationToken).ConfigureAwait(false);
        using var conversation = host.Services.GetRequiredService<Conversation>();
        var car = host.Services.GetRequiredService<VehicleSimulator>();
        var failures = new List<string>();
        TurnReport? turn = null;
        foreach (var step in script.Steps)
        {
            string? failure;
            try
            {
                (failure, turn) = await RunStepAsync(step, conversation, car, turn, cancellationToken).ConfigureAwait(false);
            }
            catch (VehicleBusException e)
            {
                failure = e.Message;
            }

            if (failure is not null)
            {
                failures.Add($"step {step.Number}: {step.Describe()}: {failure}");
            }
        }

        return new ScenarioResult(script, failures, clock.Elapsed);
    }

    private async Task<(string? Failure, TurnReport? Turn)> RunStepAsync(
        ScenarioStep step, Conversation conversation, VehicleSimulator car, TurnReport? turn, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case SayStep say:
                return (null, await conversation.HandleAsync(say.Text, cancellationToken).ConfigureAwait(false));
            case SetStep set when car.Catalog.Get(set.Signal).Kind == SignalKind.Actuator:
                await car.ActuateAsync(set.Signal, set.Value, cancellationToken).ConfigureAwait(false);
                return (null, turn);
            case SetStep set:
                car.SetSensor(set.Signal, set.Value);
                return (null, turn);
            case WaitStep wait:
                await Task.Delay(wait.Duration, _time, cancellationToken).ConfigureAwait(false);
                return (null, turn);
            case SignalExpectation expectation:
                return (expectation.Check(await car.GetAsync(expectation.Signal, cancellationToken).ConfigureAwait(false)), turn);
            case TurnExpectation expectation when turn is null:
                return ("nothing was said before it", turn);
            case TurnExpectation expectation:
                return (expectation.Check(turn), turn);
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown scenario step.");
        }
    }
}
