namespace Car.VehicleBus.Signals;

/// <summary>One VSS signal: its path, datatype, unit, range and whether it is a sensor or an actuator.</summary>
/// <param name="Path">The VSS path, e.g. <c>Vehicle.Cabin.Sunroof.Position</c>.</param>
/// <param name="DataType">The VSS datatype.</param>
/// <param name="Kind">Sensor or attribute (read-only) or actuator (takes a target).</param>
/// <param name="Unit">The VSS unit (<c>percent</c>, <c>celsius</c>, <c>km/h</c>), or null.</param>
/// <param name="Min">The lowest allowed number, or null.</param>
/// <param name="Max">The highest allowed number, or null.</param>
/// <param name="AllowedValues">For string signals with an enumeration, the allowed values.</param>
/// <param name="IsStandard">False for Car's own signals, defined by the overlay and not by the VSS specification.</param>
/// <param name="IsArray">True for a VSS array (<c>uint8[]</c>): the value is a list of <see cref="DataType"/>; the range and allowed values hold for each element.</param>
public sealed record SignalDefinition(
    string Path,
    SignalDataType DataType,
    SignalKind Kind,
    string? Unit,
    double? Min,
    double? Max,
    IReadOnlyList<string>? AllowedValues,
    bool IsStandard = true,
    bool IsArray = false)
{
    /// <summary>Checks a value against the datatype and range; returns the reason it is rejected, or null.</summary>
    public string? Validate(SignalValue value)
    {
        if (IsArray)
        {
            return $"{Path} takes a list of {DataType}, which a single value cannot hold";
        }

        switch (DataType)
        {
            case SignalDataType.Boolean when value.Kind != SignalValueKind.Boolean:
                return $"{Path} takes a boolean, not '{value}'";
            case SignalDataType.String when value.Kind != SignalValueKind.String:
                return $"{Path} takes a string, not '{value}'";
            case SignalDataType.String:
                return AllowedValues is { Count: > 0 } && !AllowedValues.Contains(value.AsString())
                    ? $"{Path} takes one of {string.Join(", ", AllowedValues)}, not '{value}'"
                    : null;
            case SignalDataType.Boolean:
                return null;
        }

        if (value.Kind != SignalValueKind.Number)
        {
            return $"{Path} takes a number, not '{value}'";
        }

        var number = value.AsNumber();
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return $"{Path} takes a finite number, not '{value}'";
        }

        if (DataType is not (SignalDataType.Float or SignalDataType.Double) && number != Math.Round(number))
        {
            return $"{Path} takes a whole number ({DataType}), not '{value}'";
        }

        if ((Min is { } min && number < min) || (Max is { } max && number > max))
        {
            return $"{Path} takes values from {Min} to {Max} {Unit}, not {value}";
        }

        return null;
    }
}
