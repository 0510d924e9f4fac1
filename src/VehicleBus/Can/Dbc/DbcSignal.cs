namespace Car.VehicleBus.Can.Dbc;

/// <summary>
/// One <c>SG_</c> of a message: where its bits lie and how raw bits become a physical value
/// (<c>physical = raw × Factor + Offset</c>).
/// </summary>
public sealed record DbcSignal
{
    public required string Name { get; init; }

    /// <summary>The DBC start bit (bit <c>b</c> is bit <c>b % 8</c> of byte <c>b / 8</c>): the LSB for Intel, the MSB for Motorola.</summary>
    public required int StartBit { get; init; }

    public required int Length { get; init; }

    public required DbcByteOrder ByteOrder { get; init; }

    public required DbcValueType ValueType { get; init; }

    public double Factor { get; init; } = 1;

    public double Offset { get; init; }

    /// <summary>The lowest physical value; DBC files often write <c>[0|0]</c> for "not stated".</summary>
    public double Minimum { get; init; }

    public double Maximum { get; init; }

    public string Unit { get; init; } = string.Empty;

    public IReadOnlyList<string> Receivers { get; init; } = [];

    public string? Comment { get; init; }

    /// <summary>Names of raw values (<c>VAL_</c>): 0 "Off", 1 "On".</summary>
    public IReadOnlyDictionary<long, string> ValueDescriptions { get; init; } = new Dictionary<long, string>();

    /// <summary>True for the multiplexor (<c>M</c>): its value selects which multiplexed signals a frame carries.</summary>
    public bool IsMultiplexor { get; init; }

    /// <summary>For a multiplexed signal (<c>m3</c>), the multiplexor value that selects it; null for a plain signal.</summary>
    public long? MultiplexValue { get; init; }

    /// <summary>The raw value a sender puts in the signal before it has anything to say (attribute <c>GenSigStartValue</c>).</summary>
    public long StartValue { get; init; }

    /// <summary>The raw value whose description is <paramref name="description"/> (ordinal, case-insensitive).</summary>
    public bool TryGetRawValue(string description, out long raw)
    {
        foreach (var (value, text) in ValueDescriptions)
        {
            if (string.Equals(text, description, StringComparison.OrdinalIgnoreCase))
            {
                raw = value;
                return true;
            }
        }

        raw = 0;
        return false;
    }
}
