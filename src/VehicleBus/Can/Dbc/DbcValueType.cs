namespace Car.VehicleBus.Can.Dbc;

/// <summary>How a signal's raw bits are read: <c>+</c> unsigned, <c>-</c> two's complement, or IEEE floats (<c>SIG_VALTYPE_</c> 1 and 2).</summary>
public enum DbcValueType
{
    Unsigned,
    Signed,
    Float32,
    Float64,
}
