using System.ComponentModel.DataAnnotations;

namespace Car.VehicleBus.Can;

/// <summary>The CAN network the bus runs on. Bound from the <c>Can</c> configuration section.</summary>
public sealed class CanOptions
{
    public const string SectionName = "Can";

    /// <summary>The VSS-to-DBC mapping file; it names its DBC file, relative to itself. By default the sample body and climate network in <c>models/can</c>.</summary>
    [Required]
    public string MappingFile { get; set; } = Path.Combine(AppContext.BaseDirectory, "models", "can", "car-body-climate.mapping.json");

    public CanTransportKind Transport { get; set; } = CanTransportKind.SocketCan;

    /// <summary>The SocketCAN interface, for <see cref="CanTransportKind.SocketCan"/>.</summary>
    [Required]
    public string Interface { get; set; } = "vcan0";

    /// <summary>The candump log to play, for <see cref="CanTransportKind.Replay"/>.</summary>
    public string? ReplayFile { get; set; }

    /// <summary>How fast to play the log's timing: 1 as recorded, 0 as fast as possible.</summary>
    [Range(0, 1000)]
    public double ReplaySpeed { get; set; } = 1;

    /// <summary>A candump log to write every frame received and sent to; null for none.</summary>
    public string? RecordFile { get; set; }
}
