using System.Globalization;
using Car.VehicleBus.Signals;

namespace Car.VehicleBus.Simulator;

/// <summary>Turns <see cref="SimulatorOptions.StartValues"/> into bus values, and says what a signal without one starts at.</summary>
internal static class SimulatorStartValues
{
    /// <summary>The configured start values as bus values, and one error per value that does not fit its signal.</summary>
    public static (Dictionary<string, SignalValue> Values, List<string> Errors) Resolve(
        SignalCatalog catalog, IReadOnlyDictionary<string, string> configured)
    {
        var values = new Dictionary<string, SignalValue>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (path, text) in configured)
        {
            var key = $"{SimulatorOptions.SectionName}:StartValues:{path}";
            if (!catalog.TryGet(path, out var signal))
            {
                errors.Add($"{key}: there is no signal {path} in the catalog.");
                continue;
            }

            if (Parse(signal, text) is not { } value)
            {
                var expected = signal.DataType == SignalDataType.Boolean ? "true or false" : "a number";
                errors.Add($"{key}: '{text}' is not {expected}.");
                continue;
            }

            if (signal.Validate(value) is { } reason)
            {
                errors.Add($"{key}: {reason}.");
                continue;
            }

            values[path] = value;
        }

        return (values, errors);
    }

    /// <summary>0 moved into the signal's range, false, or the first allowed string (empty when any string goes).</summary>
    public static SignalValue Neutral(SignalDefinition signal) => signal.DataType switch
    {
        SignalDataType.Boolean => SignalValue.FromBoolean(false),
        SignalDataType.String => SignalValue.FromString(signal.AllowedValues is [var first, ..] ? first : string.Empty),
        _ => SignalValue.FromNumber(Math.Min(Math.Max(0, signal.Min ?? 0), signal.Max ?? double.PositiveInfinity)),
    };

    private static SignalValue? Parse(SignalDefinition signal, string text) => signal.DataType switch
    {
        SignalDataType.Boolean => bool.TryParse(text, out var flag) ? SignalValue.FromBoolean(flag) : null,
        SignalDataType.String => SignalValue.FromString(text),
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? SignalValue.FromNumber(number)
            : null,
    };
}
