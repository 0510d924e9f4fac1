using System.Globalization;
using System.Text.Json;
using Car.VehicleBus.Signals;
using Kuksa.Val.V2;

namespace Car.VehicleBus.Broker;

/// <summary>
/// Car's signals in kuksa.val.v2 terms: the wire datatype of a catalog signal, its metadata, the value checks
/// KUKSA makes (exact variant for the datatype, 8/16-bit overflow, min/max, allowed; spec §5.8–5.9), and
/// conversions between <see cref="SignalValue"/>, text and <see cref="Value"/>.
/// </summary>
public static class KuksaValues
{
    /// <summary>The kuksa.val.v2 datatype of a catalog signal.</summary>
    public static DataType WireType(SignalDefinition signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var scalar = signal.DataType switch
        {
            SignalDataType.String => DataType.String,
            SignalDataType.Boolean => DataType.Boolean,
            SignalDataType.Int8 => DataType.Int8,
            SignalDataType.Int16 => DataType.Int16,
            SignalDataType.Int32 => DataType.Int32,
            SignalDataType.Int64 => DataType.Int64,
            SignalDataType.UInt8 => DataType.Uint8,
            SignalDataType.UInt16 => DataType.Uint16,
            SignalDataType.UInt32 => DataType.Uint32,
            SignalDataType.UInt64 => DataType.Uint64,
            SignalDataType.Float => DataType.Float,
            SignalDataType.Double => DataType.Double,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal.DataType, "Unknown datatype."),
        };

        // The array types follow the scalars in the same order, 19 numbers on (STRING 1 → STRING_ARRAY 20).
        return signal.IsArray ? (DataType)((int)scalar + 19) : scalar;
    }

    public static EntryType WireType(SignalKind kind) => kind switch
    {
        SignalKind.Sensor => EntryType.Sensor,
        SignalKind.Actuator => EntryType.Actuator,
        SignalKind.Attribute => EntryType.Attribute,
        _ => EntryType.Unspecified,
    };

    /// <summary>The metadata the broker lists for a signal under its id.</summary>
    public static Metadata ToMetadata(int id, SignalDefinition signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var metadata = new Metadata
        {
            Path = signal.Path,
            Id = id,
            DataType = WireType(signal),
            EntryType = WireType(signal.Kind),
            Description = string.Empty,
            Comment = string.Empty,
            Deprecation = string.Empty,
            Unit = signal.Unit ?? string.Empty,
        };
        var element = ElementType(metadata.DataType);
        if (signal.Min is { } min && Bound(element, min) is { } low)
        {
            metadata.Min = low;
        }

        if (signal.Max is { } max && Bound(element, max) is { } high)
        {
            metadata.Max = high;
        }

        if (signal.AllowedValues is { Count: > 0 } allowed)
        {
            metadata.AllowedValues = new Value { StringArray = new StringArray { Values = { allowed } } };
        }

        return metadata;
    }

    /// <summary>True when the value carries something (a Value with an empty oneof means "no value").</summary>
    public static bool HasValue(Value? value) => value is not null && value.TypedValueCase != Value.TypedValueOneofCase.None;

    /// <summary>
    /// Checks a value as KUKSA does before storing or forwarding it; returns why it is rejected, or null.
    /// A missing value is rejected here: callers that accept "no value" test <see cref="HasValue"/> first.
    /// </summary>
    public static string? Check(SignalDefinition signal, Value? value)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!HasValue(value))
        {
            return $"{signal.Path}: the value is missing";
        }

        var wire = WireType(signal);
        var expected = Variant(wire);
        if (value!.TypedValueCase != expected)
        {
            return $"{signal.Path} is {Name(wire)} and takes a {VariantName(expected)} value, not {VariantName(value.TypedValueCase)}";
        }

        foreach (var element in Elements(value))
        {
            if (CheckElement(signal, element) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The value as Car's scalar <see cref="SignalValue"/>, or null for "no value" and for arrays.</summary>
    public static SignalValue? ToSignalValue(Value? value) => value?.TypedValueCase switch
    {
        Value.TypedValueOneofCase.String => SignalValue.FromString(value.String),
        Value.TypedValueOneofCase.Bool => SignalValue.FromBoolean(value.Bool),
        Value.TypedValueOneofCase.Int32 => SignalValue.FromNumber(value.Int32),
        Value.TypedValueOneofCase.Int64 => SignalValue.FromNumber(value.Int64),
        Value.TypedValueOneofCase.Uint32 => SignalValue.FromNumber(value.Uint32),
        Value.TypedValueOneofCase.Uint64 => SignalValue.FromNumber(value.Uint64),
        // Through decimal text, so that 22.5f reads 22.5 and not 22.499999…
        Value.TypedValueOneofCase.Float => SignalValue.FromNumber(double.Parse(value.Float.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        Value.TypedValueOneofCase.Double => SignalValue.FromNumber(value.Double),
        _ => null,
    };

    /// <summary>
    /// A scalar <see cref="SignalValue"/> in the variant the wire datatype takes. A fraction for an integer type, or a
    /// kind that does not fit, throws <see cref="VehicleBusException"/> (<see cref="VehicleBusError.WrongType"/>).
    /// </summary>
    public static Value FromSignalValue(string path, DataType dataType, SignalValue value)
    {
        var variant = Variant(dataType);
        switch (variant)
        {
            case Value.TypedValueOneofCase.String when value.Kind == SignalValueKind.String:
                return new Value { String = value.AsString() };
            case Value.TypedValueOneofCase.Bool when value.Kind == SignalValueKind.Boolean:
                return new Value { Bool = value.AsBoolean() };
            case Value.TypedValueOneofCase.Float when value.Kind == SignalValueKind.Number:
                return new Value { Float = (float)value.AsNumber() };
            case Value.TypedValueOneofCase.Double when value.Kind == SignalValueKind.Number:
                return new Value { Double = value.AsNumber() };
            case Value.TypedValueOneofCase.Int32 or Value.TypedValueOneofCase.Int64 or Value.TypedValueOneofCase.Uint32 or Value.TypedValueOneofCase.Uint64
                when value.Kind == SignalValueKind.Number:
                var number = value.AsNumber();
                if (number != Math.Round(number) || double.IsInfinity(number))
                {
                    throw new VehicleBusException(VehicleBusError.WrongType, path, $"{path} takes a whole number ({Name(dataType)}), not {value}.");
                }

                return variant switch
                {
                    Value.TypedValueOneofCase.Int32 when number is >= int.MinValue and <= int.MaxValue => new Value { Int32 = (int)number },
                    Value.TypedValueOneofCase.Int64 when number is >= long.MinValue and <= long.MaxValue => new Value { Int64 = (long)number },
                    Value.TypedValueOneofCase.Uint32 when number is >= 0 and <= uint.MaxValue => new Value { Uint32 = (uint)number },
                    Value.TypedValueOneofCase.Uint64 when number is >= 0 and <= ulong.MaxValue => new Value { Uint64 = (ulong)number },
                    _ => throw new VehicleBusException(VehicleBusError.OutOfRange, path, $"{path} ({Name(dataType)}) cannot hold {value}."),
                };
            default:
                throw new VehicleBusException(VehicleBusError.WrongType, path, $"{path} is {Name(dataType)} and cannot take '{value}'.");
        }
    }

    /// <summary>
    /// Reads a value typed on a command line for a signal of <paramref name="dataType"/>: <c>50</c>, <c>true</c>,
    /// <c>STOP</c>; an array as JSON (<c>[1,2,3]</c>, <c>["a","b"]</c>). Null with <paramref name="problem"/> when it does not parse.
    /// </summary>
    public static Value? Parse(DataType dataType, string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        try
        {
            if (IsArray(dataType))
            {
                using var json = JsonDocument.Parse(text);
                if (json.RootElement.ValueKind != JsonValueKind.Array)
                {
                    problem = $"{Name(dataType)} takes a JSON array, e.g. [1,2,3]";
                    return null;
                }

                var items = json.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList();
                var value = new Value();
                var element = ElementType(dataType);
                switch (Variant(dataType))
                {
                    case Value.TypedValueOneofCase.StringArray: value.StringArray = new StringArray { Values = { items } }; break;
                    case Value.TypedValueOneofCase.BoolArray: value.BoolArray = new BoolArray { Values = { items.Select(bool.Parse) } }; break;
                    case Value.TypedValueOneofCase.Int32Array: value.Int32Array = new Int32Array { Values = { items.Select(i => int.Parse(i, CultureInfo.InvariantCulture)) } }; break;
                    case Value.TypedValueOneofCase.Int64Array: value.Int64Array = new Int64Array { Values = { items.Select(i => long.Parse(i, CultureInfo.InvariantCulture)) } }; break;
                    case Value.TypedValueOneofCase.Uint32Array: value.Uint32Array = new Uint32Array { Values = { items.Select(i => uint.Parse(i, CultureInfo.InvariantCulture)) } }; break;
                    case Value.TypedValueOneofCase.Uint64Array: value.Uint64Array = new Uint64Array { Values = { items.Select(i => ulong.Parse(i, CultureInfo.InvariantCulture)) } }; break;
                    case Value.TypedValueOneofCase.FloatArray: value.FloatArray = new FloatArray { Values = { items.Select(i => float.Parse(i, CultureInfo.InvariantCulture)) } }; break;
                    case Value.TypedValueOneofCase.DoubleArray: value.DoubleArray = new DoubleArray { Values = { items.Select(i => double.Parse(i, CultureInfo.InvariantCulture)) } }; break;
                    default: problem = $"{Name(element)} arrays are not supported"; return null;
                }

                return value;
            }

            return Variant(dataType) switch
            {
                Value.TypedValueOneofCase.String => new Value { String = text },
                Value.TypedValueOneofCase.Bool => new Value { Bool = bool.Parse(text) },
                Value.TypedValueOneofCase.Int32 => new Value { Int32 = int.Parse(text, CultureInfo.InvariantCulture) },
                Value.TypedValueOneofCase.Int64 => new Value { Int64 = long.Parse(text, CultureInfo.InvariantCulture) },
                Value.TypedValueOneofCase.Uint32 => new Value { Uint32 = uint.Parse(text, CultureInfo.InvariantCulture) },
                Value.TypedValueOneofCase.Uint64 => new Value { Uint64 = ulong.Parse(text, CultureInfo.InvariantCulture) },
                Value.TypedValueOneofCase.Float => new Value { Float = float.Parse(text, CultureInfo.InvariantCulture) },
                Value.TypedValueOneofCase.Double => new Value { Double = double.Parse(text, CultureInfo.InvariantCulture) },
                _ => Unsupported(dataType, out problem),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or JsonException or InvalidOperationException)
        {
            problem = $"'{text}' is not a {Name(dataType)}";
            return null;
        }
    }

    /// <summary>A value as text: <c>50</c>, <c>true</c>, <c>[1, 2]</c>; "( NotAvailable )" as databroker-cli writes a missing one.</summary>
    public static string Format(Value? value)
    {
        if (!HasValue(value))
        {
            return "( NotAvailable )";
        }

        return value!.TypedValueCase switch
        {
            Value.TypedValueOneofCase.String => value.String,
            Value.TypedValueOneofCase.Bool => value.Bool ? "true" : "false",
            Value.TypedValueOneofCase.Float => value.Float.ToString(CultureInfo.InvariantCulture),
            Value.TypedValueOneofCase.Double => value.Double.ToString(CultureInfo.InvariantCulture),
            Value.TypedValueOneofCase.Int32 => value.Int32.ToString(CultureInfo.InvariantCulture),
            Value.TypedValueOneofCase.Int64 => value.Int64.ToString(CultureInfo.InvariantCulture),
            Value.TypedValueOneofCase.Uint32 => value.Uint32.ToString(CultureInfo.InvariantCulture),
            Value.TypedValueOneofCase.Uint64 => value.Uint64.ToString(CultureInfo.InvariantCulture),
            Value.TypedValueOneofCase.StringArray => JsonSerializer.Serialize(value.StringArray.Values, KuksaJsonContext.Default.IEnumerableString),
            _ => $"[{string.Join(", ", Elements(value).Select(e => Format(e)))}]",
        };
    }

    /// <summary>The variant a value of the datatype must use (§5.8); None for TIMESTAMP and UNSPECIFIED.</summary>
    public static Value.TypedValueOneofCase Variant(DataType dataType) => dataType switch
    {
        DataType.String => Value.TypedValueOneofCase.String,
        DataType.Boolean => Value.TypedValueOneofCase.Bool,
        DataType.Int8 or DataType.Int16 or DataType.Int32 => Value.TypedValueOneofCase.Int32,
        DataType.Int64 => Value.TypedValueOneofCase.Int64,
        DataType.Uint8 or DataType.Uint16 or DataType.Uint32 => Value.TypedValueOneofCase.Uint32,
        DataType.Uint64 => Value.TypedValueOneofCase.Uint64,
        DataType.Float => Value.TypedValueOneofCase.Float,
        DataType.Double => Value.TypedValueOneofCase.Double,
        DataType.StringArray => Value.TypedValueOneofCase.StringArray,
        DataType.BooleanArray => Value.TypedValueOneofCase.BoolArray,
        DataType.Int8Array or DataType.Int16Array or DataType.Int32Array => Value.TypedValueOneofCase.Int32Array,
        DataType.Int64Array => Value.TypedValueOneofCase.Int64Array,
        DataType.Uint8Array or DataType.Uint16Array or DataType.Uint32Array => Value.TypedValueOneofCase.Uint32Array,
        DataType.Uint64Array => Value.TypedValueOneofCase.Uint64Array,
        DataType.FloatArray => Value.TypedValueOneofCase.FloatArray,
        DataType.DoubleArray => Value.TypedValueOneofCase.DoubleArray,
        _ => Value.TypedValueOneofCase.None,
    };

    public static bool IsArray(DataType dataType) => dataType >= DataType.StringArray;

    /// <summary>The element type of an array type; a scalar type is its own.</summary>
    public static DataType ElementType(DataType dataType) => IsArray(dataType) ? (DataType)((int)dataType - 19) : dataType;

    /// <summary>The datatype as VSS writes it: <c>uint8</c>, <c>float[]</c>.</summary>
    public static string Name(DataType dataType)
    {
        var element = ElementType(dataType) switch
        {
            DataType.Boolean => "boolean",
            var other => other.ToString().ToLowerInvariant(),
        };
        return IsArray(dataType) ? element + "[]" : element;
    }

    private static string VariantName(Value.TypedValueOneofCase variant) => variant switch
    {
        Value.TypedValueOneofCase.None => "missing",
        _ => variant.ToString().ToLowerInvariant(),
    };

    private static Value? Unsupported(DataType dataType, out string? problem)
    {
        problem = $"{Name(dataType)} values are not supported";
        return null;
    }

    private static Value? Bound(DataType element, double bound) => Variant(element) switch
    {
        Value.TypedValueOneofCase.Int32 => new Value { Int32 = (int)bound },
        Value.TypedValueOneofCase.Int64 => new Value { Int64 = (long)bound },
        Value.TypedValueOneofCase.Uint32 => new Value { Uint32 = (uint)bound },
        Value.TypedValueOneofCase.Uint64 => new Value { Uint64 = (ulong)bound },
        Value.TypedValueOneofCase.Float => new Value { Float = (float)bound },
        Value.TypedValueOneofCase.Double => new Value { Double = bound },
        _ => null,
    };

    /// <summary>A scalar value's elements: itself; an array's: one scalar Value each.</summary>
    private static IEnumerable<Value> Elements(Value value) => value.TypedValueCase switch
    {
        Value.TypedValueOneofCase.StringArray => value.StringArray.Values.Select(v => new Value { String = v }),
        Value.TypedValueOneofCase.BoolArray => value.BoolArray.Values.Select(v => new Value { Bool = v }),
        Value.TypedValueOneofCase.Int32Array => value.Int32Array.Values.Select(v => new Value { Int32 = v }),
        Value.TypedValueOneofCase.Int64Array => value.Int64Array.Values.Select(v => new Value { Int64 = v }),
        Value.TypedValueOneofCase.Uint32Array => value.Uint32Array.Values.Select(v => new Value { Uint32 = v }),
        Value.TypedValueOneofCase.Uint64Array => value.Uint64Array.Values.Select(v => new Value { Uint64 = v }),
        Value.TypedValueOneofCase.FloatArray => value.FloatArray.Values.Select(v => new Value { Float = v }),
        Value.TypedValueOneofCase.DoubleArray => value.DoubleArray.Values.Select(v => new Value { Double = v }),
        _ => [value],
    };

    private static string? CheckElement(SignalDefinition signal, Value element)
    {
        if (element.TypedValueCase == Value.TypedValueOneofCase.String)
        {
            return signal.AllowedValues is { Count: > 0 } allowed && !allowed.Contains(element.String)
                ? $"{signal.Path} takes one of {string.Join(", ", allowed)}, not '{element.String}'"
                : null;
        }

        if (element.TypedValueCase == Value.TypedValueOneofCase.Bool)
        {
            return null;
        }

        // Numbers: the datatype's own range (int8/16, uint8/16 travel as 32-bit), then the catalog's min and max.
        var (number, exact) = element.TypedValueCase switch
        {
            Value.TypedValueOneofCase.Int32 => ((double)element.Int32, true),
            Value.TypedValueOneofCase.Int64 => (element.Int64, true),
            Value.TypedValueOneofCase.Uint32 => (element.Uint32, true),
            Value.TypedValueOneofCase.Uint64 => (element.Uint64, true),
            Value.TypedValueOneofCase.Float => (element.Float, false),
            _ => (element.Double, false),
        };
        if (!exact && double.IsNaN(number))
        {
            return $"{signal.Path} takes a number, not NaN";
        }

        var (lowest, highest) = signal.DataType switch
        {
            SignalDataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
            SignalDataType.Int16 => (short.MinValue, short.MaxValue),
            SignalDataType.UInt8 => (byte.MinValue, byte.MaxValue),
            SignalDataType.UInt16 => (ushort.MinValue, ushort.MaxValue),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };
        if (number < lowest || number > highest)
        {
            return $"{signal.Path} ({signal.DataType}) cannot hold {number.ToString(CultureInfo.InvariantCulture)}";
        }

        // Bounds at the datatype's own limits are no constraint (and as doubles would round past int64).
        if ((signal.Min is { } min && number < min && !(signal.DataType is SignalDataType.Int64 && min <= long.MinValue))
            || (signal.Max is { } max && number > max && !(signal.DataType is SignalDataType.Int64 or SignalDataType.UInt64 && max >= (double)long.MaxValue)))
        {
            return $"{signal.Path} takes values from {signal.Min?.ToString(CultureInfo.InvariantCulture)} to {signal.Max?.ToString(CultureInfo.InvariantCulture)}{(signal.Unit is null ? string.Empty : " " + signal.Unit)}, not {number.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }
}
