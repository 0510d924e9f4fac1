namespace Car.VehicleBus.Can.Dbc;

/// <summary>How a signal's bits lie in the payload; DBC writes <c>@1</c> for Intel and <c>@0</c> for Motorola.</summary>
public enum DbcByteOrder
{
    /// <summary>Little-endian: the start bit is the least significant bit; bits ascend through the bytes.</summary>
    Intel,

    /// <summary>Big-endian: the start bit is the most significant bit; bits descend within a byte, then go on at bit 7 of the next byte.</summary>
    Motorola,
}
