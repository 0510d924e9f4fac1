using System.Globalization;

namespace Car.VehicleBus.Signals;

/// <summary>A value on the bus: a number, a boolean or a string.</summary>
public readonly record struct SignalValue
{
    private readonly double _number;
    private readonly string? _text;
    private readonly bool _flag;

    private SignalValue(SignalValueKind kind, double number, string? text, bool flag)
    {
        Kind = kind;
        _number = number;
        _text = text;
        _flag = flag;
    }

    public SignalValueKind Kind { get; }

    public static SignalValue FromNumber(double value) => new(SignalValueKind.Number, value, null, false);

    public static SignalValue FromBoolean(bool value) => new(SignalValueKind.Boolean, 0, null, value);

    public static SignalValue FromString(string value) =>
        new(SignalValueKind.String, 0, value ?? throw new ArgumentNullException(nameof(value)), false);

    public double AsNumber() => Kind == SignalValueKind.Number
        ? _number
        : throw new InvalidOperationException($"The value {this} is not a number.");

    public bool AsBoolean() => Kind == SignalValueKind.Boolean
        ? _flag
        : throw new InvalidOperationException($"The value {this} is not a boolean.");

    public string AsString() => Kind == SignalValueKind.String
        ? _text!
        : throw new InvalidOperationException($"The value {this} is not a string.");

    public override string ToString() => Kind switch
    {
        SignalValueKind.Number => _number.ToString(CultureInfo.InvariantCulture),
        SignalValueKind.Boolean => _flag ? "true" : "false",
        _ => _text ?? string.Empty,
    };
}
