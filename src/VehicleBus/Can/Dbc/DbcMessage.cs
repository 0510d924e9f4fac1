namespace Car.VehicleBus.Can.Dbc;

/// <summary>One <c>BO_</c>: a CAN frame's identifier, length, sender and signals.</summary>
public sealed record DbcMessage
{
    /// <summary>The CAN identifier, without DBC's extended-frame flag (bit 31 of the file's number).</summary>
    public required uint Id { get; init; }

    /// <summary>True for a 29-bit identifier.</summary>
    public bool IsExtended { get; init; }

    public required string Name { get; init; }

    /// <summary>The payload length in bytes (0 to 8).</summary>
    public required int Length { get; init; }

    /// <summary>The sending node, or <c>Vector__XXX</c> for none.</summary>
    public string Transmitter { get; init; } = string.Empty;

    public IReadOnlyList<DbcSignal> Signals { get; init; } = [];

    public string? Comment { get; init; }

    /// <summary>How often the sender sends it (attribute <c>GenMsgCycleTime</c>), or null when not stated.</summary>
    public TimeSpan? CycleTime { get; init; }

    /// <summary>The multiplexor signal, or null when the message is not multiplexed.</summary>
    public DbcSignal? Multiplexor => Signals.FirstOrDefault(s => s.IsMultiplexor);

    public DbcSignal? FindSignal(string name) => Signals.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
