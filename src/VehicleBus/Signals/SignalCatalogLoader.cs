using System.Globalization;
using System.Text.Json;

namespace Car.VehicleBus.Signals;

/// <summary>
/// Reads the signal catalog from VSS JSON in the shape COVESA vss-tools' JSON exporter writes: nested nodes, each
/// with <c>type</c> (branch, sensor, actuator, attribute) and <c>description</c>; leaves with <c>datatype</c> and
/// optionally <c>unit</c>, <c>min</c>, <c>max</c>, <c>allowed</c>; branches with <c>children</c>. Other exporter
/// fields (uuid, comment, default, deprecation) are ignored.
/// </summary>
/// <remarks>
/// An overlay in the same shape is merged over the specification node by node: the fields it states replace the
/// specification's, and the leaves it adds are Car's own (<see cref="SignalDefinition.IsStandard"/> false). An
/// integer signal without <c>min</c> or <c>max</c> takes its datatype's bound. Anything unusable throws
/// <see cref="SignalCatalogException"/> naming the file and the VSS path.
/// </remarks>
public static class SignalCatalogLoader
{
    private const string Branch = "branch";

    private static readonly Dictionary<string, SignalDataType> DataTypes = new(StringComparer.Ordinal)
    {
        ["boolean"] = SignalDataType.Boolean,
        ["uint8"] = SignalDataType.UInt8,
        ["int8"] = SignalDataType.Int8,
        ["uint16"] = SignalDataType.UInt16,
        ["int16"] = SignalDataType.Int16,
        ["uint32"] = SignalDataType.UInt32,
        ["int32"] = SignalDataType.Int32,
        ["float"] = SignalDataType.Float,
        ["double"] = SignalDataType.Double,
        ["string"] = SignalDataType.String,
        ["int64"] = SignalDataType.Int64,
        ["uint64"] = SignalDataType.UInt64,
    };

    private static readonly Dictionary<string, SignalKind> Kinds = new(StringComparer.Ordinal)
    {
        ["sensor"] = SignalKind.Sensor,
        ["actuator"] = SignalKind.Actuator,
        ["attribute"] = SignalKind.Attribute,
    };

    /// <summary>Loads the specification and overlay that <paramref name="options"/> name.</summary>
    public static SignalCatalog Load(SignalCatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var overlay = string.IsNullOrEmpty(options.Overlay) ? null : Path.Combine(options.Directory, options.Overlay);
        return Load(Path.Combine(options.Directory, options.Specification), overlay);
    }

    /// <summary>Loads a specification file and, when given, an overlay file merged over it.</summary>
    public static SignalCatalog Load(string specificationFile, string? overlayFile = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(specificationFile);
        var nodes = Read(specificationFile);
        var standard = nodes.Select(n => n.Path).ToHashSet(StringComparer.Ordinal);
        if (overlayFile is not null)
        {
            var index = nodes.Select((node, i) => (node.Path, i)).ToDictionary(p => p.Path, p => p.i, StringComparer.Ordinal);
            foreach (var node in Read(overlayFile))
            {
                if (index.TryGetValue(node.Path, out var i))
                {
                    nodes[i] = nodes[i].MergedWith(node);
                }
                else
                {
                    nodes.Add(node);
                }
            }
        }

        var signals = new List<SignalDefinition>();
        foreach (var node in nodes)
        {
            if (ToSignal(node, standard.Contains(node.Path)) is { } signal)
            {
                signals.Add(signal);
            }
        }

        return new SignalCatalog(signals);
    }

    private static List<VssNode> Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new SignalCatalogException(file, null, "the file does not exist.");
        }

        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(file);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SignalCatalogException(file, null, $"it is not readable JSON ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new SignalCatalogException(file, null, $"it cannot be read ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SignalCatalogException(file, null, $"it cannot be read ({e.Message})", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SignalCatalogException(file, null, "the top level must be an object of root nodes, e.g. {\"Vehicle\": {…}}.");
            }

            var nodes = new List<VssNode>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in document.RootElement.EnumerateObject())
            {
                Walk(file, root.Name, root.Value, nodes, seen);
            }

            return nodes;
        }
    }

    private static void Walk(string file, string path, JsonElement element, List<VssNode> nodes, HashSet<string> seen)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SignalCatalogException(file, path, $"must be a JSON object, not {element.ValueKind}.");
        }

        if (!seen.Add(path))
        {
            throw new SignalCatalogException(file, path, "is defined twice.");
        }

        var hasChildren = element.TryGetProperty("children", out var children);
        if (hasChildren && children.ValueKind != JsonValueKind.Object)
        {
            throw new SignalCatalogException(file, path, "has 'children' that is not an object.");
        }

        nodes.Add(new VssNode(
            path,
            file,
            Text(file, path, element, "type"),
            Text(file, path, element, "datatype"),
            Text(file, path, element, "unit"),
            Number(file, path, element, "min"),
            Number(file, path, element, "max"),
            Allowed(file, path, element),
            hasChildren));

        if (hasChildren)
        {
            foreach (var child in children.EnumerateObject())
            {
                Walk(file, $"{path}.{child.Name}", child.Value, nodes, seen);
            }
        }
    }

    private static SignalDefinition? ToSignal(VssNode node, bool isStandard)
    {
        var (file, path) = (node.Source, node.Path);
        if (node.Type is null)
        {
            throw new SignalCatalogException(file, path, "has no type (branch, sensor, actuator or attribute).");
        }

        if (node.Type == Branch)
        {
            return null;
        }

        if (!Kinds.TryGetValue(node.Type, out var kind))
        {
            throw new SignalCatalogException(file, path, $"has type '{node.Type}'; VSS knows branch, sensor, actuator and attribute.");
        }

        if (node.HasChildren)
        {
            throw new SignalCatalogException(file, path, $"is {Article(node.Type)} {node.Type} and cannot have children; only a branch can.");
        }

        if (node.DataType is null)
        {
            throw new SignalCatalogException(file, path, $"is {Article(node.Type)} {node.Type} without a datatype.");
        }

        var isArray = node.DataType.EndsWith("[]", StringComparison.Ordinal);
        if (!DataTypes.TryGetValue(isArray ? node.DataType[..^2] : node.DataType, out var dataType))
        {
            throw new SignalCatalogException(file, path,
                $"has datatype '{node.DataType}', which Car does not support ({string.Join(", ", DataTypes.Keys)}).");
        }

        var numeric = dataType is not (SignalDataType.Boolean or SignalDataType.String);
        if (!numeric && (node.Min is not null || node.Max is not null))
        {
            throw new SignalCatalogException(file, path, $"has min or max, which a {node.DataType} cannot have.");
        }

        if (node.Allowed is not null && dataType != SignalDataType.String)
        {
            throw new SignalCatalogException(file, path, $"has allowed values; Car supports them on strings only, not on {node.DataType}.");
        }

        var (lowest, highest) = Bounds(dataType);
        if (node.Min < lowest || node.Max > highest)
        {
            throw new SignalCatalogException(file, path,
                $"has a range ({Format(node.Min)} to {Format(node.Max)}) beyond what {node.DataType} holds ({Format(lowest)} to {Format(highest)}).");
        }

        if (node.Min > node.Max)
        {
            throw new SignalCatalogException(file, path, $"has min {Format(node.Min)} greater than max {Format(node.Max)}.");
        }

        return new SignalDefinition(path, dataType, kind, node.Unit, node.Min ?? lowest, node.Max ?? highest, node.Allowed, isStandard, isArray);
    }

    /// <summary>What an integer datatype holds; null for the others.</summary>
    private static (double? Lowest, double? Highest) Bounds(SignalDataType dataType) => dataType switch
    {
        SignalDataType.UInt8 => (byte.MinValue, byte.MaxValue),
        SignalDataType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        SignalDataType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        SignalDataType.Int16 => (short.MinValue, short.MaxValue),
        SignalDataType.UInt32 => (uint.MinValue, uint.MaxValue),
        SignalDataType.Int32 => (int.MinValue, int.MaxValue),
        SignalDataType.UInt64 => (ulong.MinValue, ulong.MaxValue),
        SignalDataType.Int64 => (long.MinValue, long.MaxValue),
        _ => (null, null),
    };

    private static string? Text(string file, string path, JsonElement node, string name)
    {
        if (!node.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new SignalCatalogException(file, path, $"has '{name}' that is not a string.");
    }

    private static double? Number(string file, string path, JsonElement node, string name)
    {
        if (!node.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new SignalCatalogException(file, path, $"has '{name}' that is not a number.");
    }

    private static List<string>? Allowed(string file, string path, JsonElement node)
    {
        if (!node.TryGetProperty("allowed", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new SignalCatalogException(file, path, "has 'allowed' that is not a list of strings.");
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Format(double? value) =>
        value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "unbounded";
}
