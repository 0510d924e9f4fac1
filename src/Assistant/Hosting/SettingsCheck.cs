using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
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
/// </summary>
public static class SettingsCheck
{
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
                && type.GetGenericArguments()[0] is var options
                && options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string name)
            {
                sections[name] = options;
            }
        }

        return sections;
    }

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

            property = type.GetProperty(path[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || IsLeaf(type))
            {
                var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal);
                return $"{string.Join(':', path[..i])} has no setting '{path[i]}'; it has {string.Join(", ", known)}";
            }

            type = property.PropertyType;
        }

        return IsLeaf(type) ? CheckValue(type, value, property?.GetCustomAttribute<RangeAttribute>()) : null;
    }

    private static string? CheckLogging(string[] path, string value)
    {
        if (path[^1].Equals("FormatterName", StringComparison.OrdinalIgnoreCase))
        {
            return Formatters.Contains(value, StringComparer.OrdinalIgnoreCase) ? null : $"allowed: {string.Join(", ", Formatters)}";
        }

        var levels = Array.FindIndex(path, p => p.Equals("LogLevel", StringComparison.OrdinalIgnoreCase));
        return levels >= 0 && levels < path.Length - 1 ? CheckValue(typeof(LogLevel), value, range: null) : null;
    }

    private static string? CheckValue(Type type, string value, RangeAttribute? range)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string) || (value.Length == 0 && target != type))
        {
            return null;
        }

        object? converted;
        try
        {
            converted = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            converted = null;
        }

        if (converted is null || (target.IsEnum && !Enum.IsDefined(target, converted)))
        {
            return $"allowed: {Allowed(target, range)}";
        }

        if (range is not null && !range.IsValid(converted))
        {
            return $"allowed: {Allowed(target, range)}";
        }

        return null;
    }

    private static string Allowed(Type type, RangeAttribute? range)
    {
        var kind = type switch
        {
            _ when type == typeof(bool) => "true or false",
            _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(TimeSpan) => range is null ? "a duration hh:mm:ss[.fff], e.g. 00:00:02.5" : "a duration hh:mm:ss[.fff]",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
            _ when type == typeof(Uri) => "an absolute address",
            _ => $"a {type.Name}",
        };
        return range is null ? kind : $"{kind} from {range.Minimum} to {range.Maximum}";
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
}
