using System.Text.Json;
using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Can.Mapping;

/// <summary>
/// Reads a mapping file (JSON):
/// <code>
/// { "dbc": "car-body-climate.dbc",
///   "signals": {
///     "Vehicle.Cabin.Door.Row1.DriverSide.IsLocked": {
///       "current": { "message": "BCM_DoorStatus", "signal": "LockedFL", "values": [ { "vss": true, "dbc": "Locked" }, … ] },
///       "target":  { "message": "HU_BodyCommand", "signal": "LockReqFL", "values": [ … ] } },
///     "Vehicle.Cabin.HVAC.Station.Row1.Driver.FanSpeed": {
///       "current": { "message": "HVAC_Status", "signal": "FanLevelDriver", "linear": { "factor": 10, "offset": 0 } } } } }
/// </code>
/// </summary>
public static class CanMappingLoader
{
    public static CanMapping Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (CanMappingException e)
        {
            throw new CanMappingException($"{path}: {e.Message}", e);
        }
    }

    /// <exception cref="CanMappingException">The JSON is malformed or lacks a field.</exception>
    public static CanMapping Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CanMappingException($"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            var dbc = Text(root, "dbc", "the mapping");
            if (!root.TryGetProperty("signals", out var signals) || signals.ValueKind != JsonValueKind.Object)
            {
                throw new CanMappingException("the mapping needs a \"signals\" object keyed by VSS path");
            }

            var entries = new List<CanSignalMapping>();
            foreach (var signal in signals.EnumerateObject())
            {
                var current = signal.Value.TryGetProperty("current", out var c) ? Binding(c, signal.Name) : null;
                var target = signal.Value.TryGetProperty("target", out var t) ? Binding(t, signal.Name) : null;
                if (current is null && target is null)
                {
                    throw new CanMappingException($"{signal.Name} has neither \"current\" nor \"target\"");
                }

                entries.Add(new CanSignalMapping(signal.Name, current, target));
            }

            return new CanMapping(dbc, entries);
        }
    }

    private static CanSignalBinding Binding(JsonElement element, string path)
    {
        var message = Text(element, "message", path);
        var signal = Text(element, "signal", path);
        CanLinearTransform? linear = null;
        if (element.TryGetProperty("linear", out var l))
        {
            linear = new CanLinearTransform(
                l.TryGetProperty("factor", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetDouble() : throw new CanMappingException($"{path}: \"linear\" needs a \"factor\""),
                l.TryGetProperty("offset", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetDouble() : 0);
            if (linear.Factor == 0)
            {
                throw new CanMappingException($"{path}: a linear factor of 0 cannot be inverted");
            }
        }

        List<CanValuePair>? values = null;
        if (element.TryGetProperty("values", out var v))
        {
            values = [.. v.EnumerateArray().Select(pair => new CanValuePair(
                pair.TryGetProperty("vss", out var vss) ? Value(vss, path) : throw new CanMappingException($"{path}: a value pair lacks \"vss\""),
                pair.TryGetProperty("dbc", out var d) ? d.ValueKind == JsonValueKind.Number ? d.GetRawText() : d.GetString() ?? string.Empty
                    : throw new CanMappingException($"{path}: a value pair lacks \"dbc\"")))];
        }

        if (linear is not null && values is not null)
        {
            throw new CanMappingException($"{path}: a binding takes \"linear\" or \"values\", not both");
        }

        return new CanSignalBinding(message, signal, linear, values);
    }

    private static SignalValue Value(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => SignalValue.FromBoolean(true),
        JsonValueKind.False => SignalValue.FromBoolean(false),
        JsonValueKind.Number => SignalValue.FromNumber(element.GetDouble()),
        JsonValueKind.String => SignalValue.FromString(element.GetString()!),
        _ => throw new CanMappingException($"{path}: a VSS value is a boolean, number or string, not {element.ValueKind}"),
    };

    private static string Text(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new CanMappingException($"{where} needs \"{name}\"");
}
