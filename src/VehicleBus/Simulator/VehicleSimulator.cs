using Car.VehicleBus.Signals;
using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Simulator;

/// <summary>
/// An in-memory car. Actuators take a target; windows, sunroof and shade travel toward it over seconds, the cabin
/// temperature drifts toward the setpoint (air conditioning on) or the outside (off), and speed, gear, rain and
/// outside temperature come from the scenario. Thread-safe: changes are queued in the order they happen and
/// delivered in that order, outside the state lock.
/// </summary>
public sealed class VehicleSimulator : IVehicleBus, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Lock _delivery = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<SignalChange> _outbox = new();
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _options;
    private readonly Dictionary<string, double> _exactNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SignalValue> _current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _travelTargets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _travelRates;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ActuatorFault> _faults;
    private readonly List<Action<SignalChange>> _subscribers = [];
    private readonly ITimer _ticker;
    private DateTimeOffset _lastUpdate;

    /// <summary>
    /// A car with the signals of <paramref name="catalog"/>, each at its configured start value or neutral
    /// (<see cref="SimulatorOptions.StartValues"/>), in the configured scenario.
    /// </summary>
    /// <exception cref="OptionsValidationException">A start value does not fit its signal.</exception>
    /// <exception cref="VehicleBusException">The catalog lacks a signal the simulation needs.</exception>
    public VehicleSimulator(SignalCatalog catalog, IOptions<SimulatorOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        Catalog = catalog;
        _options = options.Value;
        _time = timeProvider;
        foreach (var path in NeededSignals())
        {
            catalog.Get(path);
        }

        var (startValues, errors) = SimulatorStartValues.Resolve(catalog, _options.StartValues);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SimulatorOptions), errors);
        }

        _travelRates = TravelRates(_options);
        _faults = new(_options.Faults, StringComparer.Ordinal);
        foreach (var signal in catalog.Signals)
        {
            var start = startValues.TryGetValue(signal.Path, out var configured) ? configured : SimulatorStartValues.Neutral(signal);
            _current[signal.Path] = start;
            if (start.Kind == SignalValueKind.Number)
            {
                _exactNumbers[signal.Path] = start.AsNumber();
            }
        }

        _lastUpdate = _time.GetUtcNow();
        ApplyScenario(_options.Scenario);
        _ticker = _time.CreateTimer(_ => Tick(), null, _options.TickInterval, _options.TickInterval);
    }

    public SignalCatalog Catalog { get; }

    /// <summary>Puts the car into a scenario: speed, gear, rain and outside temperature change at once.</summary>
    public void ApplyScenario(DrivingScenario scenario)
    {
        foreach (var (path, value) in ScenarioConditions.For(scenario))
        {
            SetSensor(path, value);
        }
    }

    /// <summary>The faults injected now, by actuator path (those configured, then those set while running).</summary>
    public IReadOnlyDictionary<string, ActuatorFault> Faults => new Dictionary<string, ActuatorFault>(_faults.Where(f => f.Value != ActuatorFault.None), StringComparer.Ordinal);

    /// <summary>Injects a fault into one actuator while the car runs (<see cref="ActuatorFault.None"/> repairs it); its next target obeys it.</summary>
    /// <exception cref="VehicleBusException">The path is not an actuator of the catalog.</exception>
    public void SetFault(string path, ActuatorFault fault)
    {
        if (Catalog.Get(path).Kind != SignalKind.Actuator)
        {
            throw new VehicleBusException(VehicleBusError.NotAnActuator, path, $"{path} is a sensor; only actuators take faults.");
        }

        _faults[path] = fault;
    }

    /// <summary>Sets a sensor's value, as the car's own hardware would (tests and scenarios use this).</summary>
    public void SetSensor(string path, SignalValue value)
    {
        var signal = Catalog.Get(path);
        ThrowIfInvalid(signal, value);
        lock (_gate)
        {
            AdvanceLocked(_time.GetUtcNow());
            if (value.Kind == SignalValueKind.Number)
            {
                _exactNumbers[path] = value.AsNumber();
            }

            SetCurrentLocked(signal, value);
        }

        Deliver();
    }

    public ValueTask<SignalValue> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Catalog.Get(path);
        SignalValue value;
        lock (_gate)
        {
            AdvanceLocked(_time.GetUtcNow());
            value = _current[path];
        }

        Deliver();
        return ValueTask.FromResult(value);
    }

    public ValueTask<VehicleSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Dictionary<string, SignalValue> copy;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            AdvanceLocked(now);
            copy = new Dictionary<string, SignalValue>(_current, StringComparer.Ordinal);
        }

        Deliver();

        // The simulated car publishes every signal continuously: each value is as fresh as the read.
        return ValueTask.FromResult(new VehicleSnapshot(copy, now));
    }

    public ValueTask ActuateAsync(string path, SignalValue target, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var signal = Catalog.Get(path);
        if (signal.Kind != SignalKind.Actuator)
        {
            throw new VehicleBusException(VehicleBusError.NotAnActuator, path, $"{path} is a sensor and cannot be set.");
        }

        ThrowIfInvalid(signal, target);
        var fault = _faults.GetValueOrDefault(path);
        lock (_gate)
        {
            AdvanceLocked(_time.GetUtcNow());
            if (fault == ActuatorFault.Stuck)
            {
                // Takes the target and does nothing: the current value stays where it is.
            }
            else if (_travelRates.ContainsKey(path))
            {
                var position = _exactNumbers[path];
                _travelTargets[path] = fault == ActuatorFault.Partial ? position + ((target.AsNumber() - position) / 2) : target.AsNumber();
            }
            else
            {
                if (target.Kind == SignalValueKind.Number)
                {
                    _exactNumbers[path] = target.AsNumber();
                }

                SetCurrentLocked(signal, target);
            }
        }

        Deliver();
        return ValueTask.CompletedTask;
    }

    public IDisposable Subscribe(Action<SignalChange> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_gate)
        {
            _subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    public void Dispose() => _ticker.Dispose();

    /// <summary>The signals the simulation itself moves or reads: scenario sensors, travelling parts, the cabin climate.</summary>
    private static IEnumerable<string> NeededSignals() =>
    [
        .. ScenarioConditions.For(DrivingScenario.Parked).Select(c => c.Path),
        .. VssPlaces.All.Select(VssPaths.WindowPosition),
        VssPaths.SunroofPosition,
        VssPaths.SunshadePosition,
        VssPaths.AirConditioning,
        VssPaths.CabinTemperature,
        VssPaths.HvacTemperature(VssPlaces.DriverStation),
        VssPaths.HvacTemperature(VssPlaces.PassengerStation),
    ];

    private static Dictionary<string, double> TravelRates(SimulatorOptions options)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        var windowRate = 100 / options.WindowTravelTime.TotalSeconds;
        foreach (var place in VssPlaces.All)
        {
            rates[VssPaths.WindowPosition(place)] = windowRate;
        }

        rates[VssPaths.SunroofPosition] = 100 / options.SunroofTravelTime.TotalSeconds;
        rates[VssPaths.SunshadePosition] = 100 / options.SunroofTravelTime.TotalSeconds;
        return rates;
    }

    private static void ThrowIfInvalid(SignalDefinition signal, SignalValue value)
    {
        if (signal.Validate(value) is not { } reason)
        {
            return;
        }

        var error = value.Kind switch
        {
            SignalValueKind.Number when signal.DataType is not (SignalDataType.Boolean or SignalDataType.String) =>
                VehicleBusError.OutOfRange,
            SignalValueKind.String when signal.DataType == SignalDataType.String => VehicleBusError.OutOfRange,
            _ => VehicleBusError.WrongType,
        };
        throw new VehicleBusException(error, signal.Path, reason);
    }

    private void Tick()
    {
        lock (_gate)
        {
            AdvanceLocked(_time.GetUtcNow());
        }

        Deliver();
    }

    private void AdvanceLocked(DateTimeOffset now)
    {
        var seconds = (now - _lastUpdate).TotalSeconds;
        if (seconds <= 0)
        {
            return;
        }

        _lastUpdate = now;
        foreach (var (path, target) in _travelTargets.ToList())
        {
            var position = _exactNumbers[path];
            // A slow motor (a fault set at start or while running) moves at a fifth of its speed.
            var step = _travelRates[path] * seconds / (_faults.GetValueOrDefault(path) == ActuatorFault.Slow ? 5 : 1);
            var next = Math.Abs(target - position) <= step ? target : position + (Math.Sign(target - position) * step);
            _exactNumbers[path] = next;
            SetCurrentLocked(Catalog.Get(path), SignalValue.FromNumber(next));
            if (next == target)
            {
                _travelTargets.Remove(path);
            }
        }

        DriftCabinTemperatureLocked(seconds);
    }

    private void DriftCabinTemperatureLocked(double seconds)
    {
        var conditioning = _current[VssPaths.AirConditioning].AsBoolean();
        var goal = conditioning
            ? (_exactNumbers[VssPaths.HvacTemperature(VssPlaces.DriverStation)] + _exactNumbers[VssPaths.HvacTemperature(VssPlaces.PassengerStation)]) / 2
            : _exactNumbers[VssPaths.OutsideTemperature];
        var timeConstant = conditioning ? _options.CabinResponseTime : _options.CabinLeakTime;
        var cabin = _exactNumbers[VssPaths.CabinTemperature];
        cabin += (goal - cabin) * (1 - Math.Exp(-seconds / timeConstant.TotalSeconds));
        _exactNumbers[VssPaths.CabinTemperature] = cabin;
        SetCurrentLocked(Catalog.Get(VssPaths.CabinTemperature), SignalValue.FromNumber(cabin));
    }

    /// <summary>Stores the value as the signal reports it (whole numbers for integer types, 0.1 for floats, doubles as they are).</summary>
    private void SetCurrentLocked(SignalDefinition signal, SignalValue value)
    {
        var reported = value.Kind == SignalValueKind.Number
            ? SignalValue.FromNumber(signal.DataType switch
            {
                SignalDataType.Double => value.AsNumber(),
                SignalDataType.Float => Math.Round(value.AsNumber(), 1),
                _ => Math.Round(value.AsNumber()),
            })
            : value;
        if (_current[signal.Path] == reported)
        {
            return;
        }

        _current[signal.Path] = reported;
        _outbox.Enqueue(new SignalChange(signal.Path, reported, _lastUpdate));
    }

    /// <summary>Delivers queued changes in the order they happened, one deliverer at a time.</summary>
    private void Deliver()
    {
        lock (_delivery)
        {
            while (_outbox.TryDequeue(out var change))
            {
                Action<SignalChange>[] subscribers;
                lock (_gate)
                {
                    subscribers = [.. _subscribers];
                }

                foreach (var subscriber in subscribers)
                {
                    subscriber(change);
                }
            }
        }
    }

    private void Unsubscribe(Action<SignalChange> onChange)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChange);
        }
    }

    private sealed class Subscription(VehicleSimulator owner, Action<SignalChange> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(onChange);
            }
        }
    }
}
