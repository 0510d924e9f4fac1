using System.Globalization;
using System.Text.Json;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;

namespace Car.Assistant.Dashboard;

/// <summary>
/// A change to the simulated situation, as <c>PUT /api/scenario</c> takes it: <c>{"scenario":"highway"}</c> and/or
/// any of <c>speed</c> (km/h), <c>gear</c> (P, R, N, D or a VSS gear number), <c>rain</c> (0–100 %),
/// <c>outsideTemperature</c> (°C). A named scenario applies first, then the single values.
/// </summary>
public sealed record ScenarioChange(DrivingScenario? Scenario, IReadOnlyList<(string Path, SignalValue Value)> Sensors)
{
    /// <summary>What a simulated car may be put to, beyond the signals' own ranges (VSS gives speed no maximum).</summary>
    private static readonly Dictionary<string, (double Min, double Max, string Unit)> Limits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["speed"] = (0, 250, "km/h"),
        ["rain"] = (0, 100, "%"),
        ["outsideTemperature"] = (-40, 60, "°C"),
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["speed"] = VssPaths.Speed,
        ["gear"] = VssPaths.SelectedGear,
        ["rain"] = VssPaths.RainIntensity,
        ["outsideTemperature"] = VssPaths.OutsideTemperature,
    };

    /// <summary>Reads the request body; a problem becomes one <see cref="FormatException"/> line saying what is allowed.</summary>
    public static ScenarioChange Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException($"the body is not JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the body must be a JSON object, e.g. {\"scenario\":\"highway\"} or {\"speed\":100,\"rain\":60}");
            }

            DrivingScenario? scenario = null;
            var sensors = new List<(string, SignalValue)>();
            foreach (var field in document.RootElement.EnumerateObject())
            {
                if (field.NameEquals("scenario"))
                {
                    scenario = field.Value.ValueKind == JsonValueKind.String
                        && Enum.TryParse<DrivingScenario>(field.Value.GetString(), ignoreCase: true, out var named) && Enum.IsDefined(named)
                        ? named
                        : throw new FormatException($"scenario must be one of {Names()}, not {field.Value.GetRawText()}");
                }
                else if (Fields.TryGetValue(field.Name, out var path))
                {
                    var number = Number(field.Name, field.Value);
                    if (Limits.TryGetValue(field.Name, out var limit) && (number < limit.Min || number > limit.Max))
                    {
                        throw new FormatException($"{field.Name} must be from {limit.Min} to {limit.Max} {limit.Unit}, not {number}");
                    }

                    sensors.Add((path, SignalValue.FromNumber(number)));
                }
                else
                {
                    throw new FormatException($"unknown field '{field.Name}'; the fields are scenario, {string.Join(", ", Fields.Keys)}");
                }
            }

            return sensors.Count == 0 && scenario is null
                ? throw new FormatException($"nothing to change: give scenario ({Names()}) or {string.Join(", ", Fields.Keys)}")
                : new ScenarioChange(scenario, sensors);
        }
    }

    /// <summary>Puts the simulated car into the situation.</summary>
    /// <exception cref="FormatException">A value is outside its signal's range; then nothing changes.</exception>
    public void ApplyTo(VehicleSimulator car)
    {
        ArgumentNullException.ThrowIfNull(car);
        foreach (var (path, value) in Sensors)
        {
            // Every value is checked first, so that a bad one changes nothing.
            if (car.Catalog.Get(path).Validate(value) is { } reason)
            {
                throw new FormatException(reason);
            }
        }

        if (Scenario is { } scenario)
        {
            car.ApplyScenario(scenario);
        }

        foreach (var (path, value) in Sensors)
        {
            car.SetSensor(path, value);
        }
    }

    private static double Number(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        if (name.Equals("gear", StringComparison.OrdinalIgnoreCase) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()?.ToUpperInvariant() switch
            {
                "P" => VssGears.Park,
                "D" => VssGears.Drive,
                "N" => 0,
                "R" => -1,
                var other => throw new FormatException($"gear must be P, R, N, D or a VSS gear number, not '{other}'"),
            };
        }

        if (value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new FormatException($"{name} must be a number, not {value.GetRawText()}");
    }

    private static string Names() => string.Join(", ", Enum.GetNames<DrivingScenario>().Select(n => n.ToLowerInvariant()));
}
