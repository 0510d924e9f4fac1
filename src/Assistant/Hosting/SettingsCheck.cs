using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Car.Assistant.Cli;
using Car.Assistant.Dashboard;
using Car.Assistant.Dialogue;
using Car.Assistant.Policy;
using Car.Assistant.Telemetry;
using Car.CloudSync.Connection;
using Car.Language;
using Car.Language.Llm;
using Car.Ota;
using Car.Speech.Capture;
using Car.Speech.Output;
using Car.Speech.Recognition;
using Car.Speech.Vad;
using Car.VehicleBus.Broker;
using Car.VehicleBus.Can;
using Car.VehicleBus.Client;
using Car.VehicleBus.Providers;
using Car.VehicleBus.Signals;
using Car.VehicleBus.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Hosting;

/// <summary>
/// Checks every setting before the host is built, whatever its source (appsettings, <c>CAR_</c> environment
/// variables, <c>--set</c>): the section must be one an options class reads (found by its <c>SectionName</c>), the key
/// one of that class's properties, and the value convertible and within its <see cref="RangeAttribute"/>. The first
/// problem becomes one <see cref="SettingsException"/> line naming the key, the value, its source and what is allowed.
/// The options classes it can walk are named in <see cref="Known"/>, so that trimming (Native AOT) keeps their properties.
/// </summary>
public static class SettingsCheck
{
    /// <summary>What <see cref="Known"/> keeps of an options class: its properties (the settings) and fields (<c>SectionName</c>).</summary>
    private const DynamicallyAccessedMemberTypes Settings = DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicFields;

    private static readonly string[] Formatters = ["simple", "json", "systemd"];

    public static void ThrowIfInvalid(IConfigurationRoot configuration, IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(services);
        var sections = OptionSections(services);
        foreach (var (key, value) in configuration.AsEnumerable().OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (value is null)
            {
                continue;
            }

            var problem = Check(key, value, sections);
            if (problem is not null)
            {
                throw new SettingsException($"setting {key}={value} ({Source(configuration, key)}): {problem}");
            }
        }
    }

    /// <summary>Every options class registered with a <c>public const string SectionName</c>, by section.</summary>
    private static Dictionary<string, Type> OptionSections(IServiceCollection services)
    {
        var sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType is { IsGenericType: true } type
                && (type.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) || type.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
                && Known(type.GetGenericArguments()[0]) is { } options
                && options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string name)
            {
                sections[name] = options;
            }
        }

        return sections;
    }

    /// <summary>
    /// The options classes car binds, and the classes inside them, as types whose properties trimming keeps; null for
    /// any other type. A new options class is added here (SettingsCheckTests finds one that is missing).
    /// </summary>
    [return: DynamicallyAccessedMembers(Settings)]
    internal static Type? Known(Type type) => type switch
    {
        _ when type == typeof(ActionExecutorOptions) => typeof(ActionExecutorOptions),
        _ when type == typeof(BrokerOptions) => typeof(BrokerOptions),
        _ when type == typeof(CanOptions) => typeof(CanOptions),
        _ when type == typeof(CaptureOptions) => typeof(CaptureOptions),
        _ when type == typeof(CloudOptions) => typeof(CloudOptions),
        _ when type == typeof(ConsoleSessionOptions) => typeof(ConsoleSessionOptions),
        _ when type == typeof(DashboardOptions) => typeof(DashboardOptions),
        _ when type == typeof(DownloadOptions) => typeof(DownloadOptions),
        _ when type == typeof(KuksaClientOptions) => typeof(KuksaClientOptions),
        _ when type == typeof(LanguageOptions) => typeof(LanguageOptions),
        _ when type == typeof(LlmOptions) => typeof(LlmOptions),
        _ when type == typeof(OtaOptions) => typeof(OtaOptions),
        _ when type == typeof(PolicyOptions) => typeof(PolicyOptions),
        _ when type == typeof(RecommendationOptions) => typeof(RecommendationOptions),
        _ when type == typeof(SignalCatalogOptions) => typeof(SignalCatalogOptions),
        _ when type == typeof(SimulatorOptions) => typeof(SimulatorOptions),
        _ when type == typeof(SimulatorProviderOptions) => typeof(SimulatorProviderOptions),
        _ when type == typeof(SpeechOutputOptions) => typeof(SpeechOutputOptions),
        _ when type == typeof(SpeechRecognitionOptions) => typeof(SpeechRecognitionOptions),
        _ when type == typeof(TelemetryOptions) => typeof(TelemetryOptions),
        _ when type == typeof(VadOptions) => typeof(VadOptions),
        _ => null,
    };

    private static string? Check(string key, string value, Dictionary<string, Type> sections)
    {
        var path = key.Split(ConfigurationPath.KeyDelimiter);
        if (path.Length == 1)
        {
            // Top-level names are not settings (CAR_LLAMA_DIR and CAR_WHISPER_DIR name library folders).
            return null;
        }

        if (path[0].Equals("Logging", StringComparison.OrdinalIgnoreCase))
        {
            return CheckLogging(path, value);
        }

        if (!sections.TryGetValue(path[0], out var type))
        {
            return $"there is no section '{path[0]}'; the sections are {string.Join(", ", sections.Keys.Append("Logging").Order(StringComparer.Ordinal))}";
        }

        PropertyInfo? property = null;
        for (var i = 1; i < path.Length; i++)
        {
            if (DictionaryValue(type) is { } valueType)
            {
                type = valueType;
                property = null;
                continue;
            }

            if (ListItem(type) is { } itemType)
            {
                if (!int.TryParse(path[i], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return $"'{path[i]}' is not a position in the list {string.Join(':', path[..i])} (0, 1, 2, …)";
                }

                type = itemType;
                property = null;
                continue;
            }

            var properties = IsLeaf(type)
                ? []
                : (Known(type) ?? throw new UnreachableException($"SettingsCheck.Known does not name {type}, a class of settings")).GetProperties(BindingFlags.Public | BindingFlags.Instance);
            property = Array.Find(properties, p => p.Name.Equals(path[i], StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var known = properties.Select(p => p.Name).Order(StringComparer.Ordinal);
                return $"{string.Join(':', path[..i])} has no setting '{path[i]}'; it has {string.Join(", ", known)}";
            }

            type = property.PropertyType;
        }

        return IsLeaf(type) ? CheckValue(type, value, property is null ? null : Bounds.Of(property)) : null;
    }

    private static string? CheckLogging(string[] path, string value)
    {
        if (path[^1].Equals("FormatterName", StringComparison.OrdinalIgnoreCase))
        {
            return Formatters.Contains(value, StringComparer.OrdinalIgnoreCase) ? null : $"allowed: {string.Join(", ", Formatters)}";
        }

        var levels = Array.FindIndex(path, p => p.Equals("LogLevel", StringComparison.OrdinalIgnoreCase));
        return levels >= 0 && levels < path.Length - 1 ? CheckValue(typeof(LogLevel), value, bounds: null) : null;
    }

    private static string? CheckValue(Type type, string value, Bounds? bounds)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string) || (value.Length == 0 && target != type))
        {
            return null;
        }

        var converted = Convert(target, value);
        if (converted is null || (target.IsEnum && !Enum.IsDefined(target, converted)))
        {
            return $"allowed: {Allowed(target, bounds)}";
        }

        if (bounds is not null && !bounds.Contains(target, converted))
        {
            return $"allowed: {Allowed(target, bounds)}";
        }

        return null;
    }

    /// <summary>The value as the configuration binder reads it (invariant culture), or null when it cannot.</summary>
    private static object? Convert(Type target, string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (target.IsEnum)
        {
            return Enum.TryParse(target, value, ignoreCase: true, out var member) ? member : null;
        }

        return Type.GetTypeCode(target) switch
        {
            TypeCode.Boolean => bool.TryParse(value, out var b) ? b : null,
            TypeCode.Char => char.TryParse(value, out var c) ? c : null,
            TypeCode.SByte => sbyte.TryParse(value, NumberStyles.Integer, invariant, out var n) ? n : null,
            TypeCode.Byte => byte.TryParse(value, NumberStyles.Integer, invariant, out var n) ? n : null,
            TypeCode.Int16 => short.TryParse(value, NumberStyles.Integer, invariant, out var n) ? n : null,
            TypeCode.UInt16 => ushort.TryParse(value, NumberStyles.Integer, invariant, out var n) ? n : null,
            TypeCode.Int32 => int.TryParse(value, NumberStyles.Integer, invariant, out var n) ? n : null,
            TypeCode.UInt32 => uint.TryParse(value, NumberStyles.Integer, invariant, out var n) ? n : null,
            TypeCode.Int64 => long.TryParse(value, NumberStyles.Integer, invariant, out var n) ? n : null,
            TypeCode.UInt64 => ulong.TryParse(value, NumberStyles.Integer, invariant, out var n) ? n : null,
            TypeCode.Single => float.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out var x) ? x : null,
            TypeCode.Double => double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out var x) ? x : null,
            TypeCode.Decimal => decimal.TryParse(value, NumberStyles.Number, invariant, out var x) ? x : null,
            TypeCode.DateTime => DateTime.TryParse(value, invariant, DateTimeStyles.None, out var t) ? t : null,
            _ when target == typeof(TimeSpan) => TimeSpan.TryParse(value, invariant, out var t) ? t : null,
            _ when target == typeof(DateTimeOffset) => DateTimeOffset.TryParse(value, invariant, DateTimeStyles.None, out var t) ? t : null,
            _ when target == typeof(Guid) => Guid.TryParse(value, out var g) ? g : null,
            _ when target == typeof(Uri) => Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out var u) ? u : null,
            _ => null,
        };
    }

    private static string Allowed(Type type, Bounds? bounds)
    {
        var kind = type switch
        {
            _ when type == typeof(bool) => "true or false",
            _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(TimeSpan) => bounds is null ? "a duration hh:mm:ss[.fff], e.g. 00:00:02.5" : "a duration hh:mm:ss[.fff]",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(Uri) => "an absolute address",
            _ => $"a {type.Name}",
        };
        return bounds is null ? kind : $"{kind} from {bounds.Minimum} to {bounds.Maximum}";
    }

    private static bool IsLeaf(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsPrimitive || target.IsEnum || target == typeof(string) || target == typeof(decimal) || target == typeof(TimeSpan)
            || target == typeof(Uri) || target == typeof(DateTimeOffset) || target == typeof(DateTime) || target == typeof(Guid);
    }

    private static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? ListItem(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    /// <summary>Where the value in force comes from: the last provider that has the key.</summary>
    private static string Source(IConfigurationRoot configuration, string key)
    {
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (provider.TryGet(key, out _))
            {
                return provider switch
                {
                    JsonConfigurationProvider json => Path.GetFileName(json.Source.Path) ?? "a JSON file",
                    EnvironmentVariablesConfigurationProvider => $"environment variable CAR_{key.Replace(":", "__", StringComparison.Ordinal)}",
                    _ => "command line",
                };
            }
        }

        return "unknown source";
    }

    /// <summary>
    /// A property's <see cref="RangeAttribute"/>, read as attribute data: constructing <c>[Range(typeof(TimeSpan), …)]</c>
    /// would need its TypeConverter, which trimming may remove.
    /// </summary>
    private sealed record Bounds(string Minimum, string Maximum)
    {
        public static Bounds? Of(PropertyInfo property)
        {
            var range = property.CustomAttributes.FirstOrDefault(a => a.AttributeType == typeof(RangeAttribute));
            if (range is null)
            {
                return null;
            }

            // (int, int), (double, double) or (Type, string, string): the bounds are the last two arguments.
            var arguments = range.ConstructorArguments;
            return new Bounds(
                string.Create(CultureInfo.InvariantCulture, $"{arguments[^2].Value}"),
                string.Create(CultureInfo.InvariantCulture, $"{arguments[^1].Value}"));
        }

        public bool Contains(Type target, object value)
        {
            if (Type.GetTypeCode(target) is >= TypeCode.SByte and <= TypeCode.Decimal)
            {
                var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return number >= double.Parse(Minimum, CultureInfo.InvariantCulture) && number <= double.Parse(Maximum, CultureInfo.InvariantCulture);
            }

            return value is IComparable comparable
                && Convert(target, Minimum) is { } low && Convert(target, Maximum) is { } high
                && comparable.CompareTo(low) >= 0 && comparable.CompareTo(high) <= 0;
        }
    }
}
