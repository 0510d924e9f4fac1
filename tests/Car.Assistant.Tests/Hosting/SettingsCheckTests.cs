using System.Collections;
using System.Reflection;
using Car.Assistant.Hosting;

namespace Car.Assistant.Tests.Hosting;

/// <summary>
/// SettingsCheck walks only the options classes it names (so that Native AOT keeps their properties): a new options
/// class, or a class of settings inside one, that is not named would be "no section" in the AOT build.
/// </summary>
public sealed class SettingsCheckTests
{
    [Fact]
    public void Known_EveryOptionsClassAndEveryClassInside_IsNamed()
    {
        var program = typeof(SettingsCheck).Assembly;
        var options = program.GetReferencedAssemblies()
            .Where(name => name.Name!.StartsWith("Car.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(program)
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .ToList();

        var missing = options.SelectMany(Classes).Distinct().Where(type => SettingsCheck.Known(type) != type).Select(type => type.FullName);

        Assert.Contains(options, type => type.Name == "VadOptions");
        Assert.Empty(missing);
    }

    /// <summary>The class and the classes of settings its properties hold (not strings, addresses or collections).</summary>
    private static IEnumerable<Type> Classes(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsClass && t != typeof(string) && t != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(t))
            .SelectMany(Classes)
            .Prepend(type);
}
