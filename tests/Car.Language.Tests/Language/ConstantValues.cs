using System.Reflection;

namespace Car.Language.Tests.Language;

/// <summary>The values of a class's public string constants, sorted, for comparing them with the schema.</summary>
internal static class ConstantValues
{
    public static IReadOnlyList<string> Of(Type type) =>
    [
        .. type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal),
    ];
}
