namespace Car.VehicleBus.Signals;

/// <summary>The VSS datatypes the catalog uses.</summary>
public enum SignalDataType
{
    Boolean,
    UInt8,
    Int8,
    Int16,
    UInt32,
    Float,
    String,
}
