namespace Car.VehicleBus.Signals;

/// <summary>The VSS datatypes Car reads from the catalog files (VSS spells them in lower case: <c>uint8</c>, <c>float</c>…).</summary>
public enum SignalDataType
{
    Boolean,
    UInt8,
    Int8,
    UInt16,
    Int16,
    UInt32,
    Int32,
    Float,
    Double,
    String,
    Int64,
    UInt64,
}
