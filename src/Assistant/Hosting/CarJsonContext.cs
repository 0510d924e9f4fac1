using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Car.Assistant.Hosting;

/// <summary>
/// The small JSON objects car prints (<c>--json</c> lines of the console, <c>car listen</c>, <c>car bus</c>,
/// <c>car cloud</c>) and the dashboard answers with: string-keyed maps whose values are strings, numbers and booleans.
/// Source-generated, so that they serialize the same way in the Native AOT build.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string[]>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
internal sealed partial class CarJsonContext : JsonSerializerContext
{
    /// <summary>Like <see cref="JsonSerializerContext"/>'s default, but Chinese is written as it is, not as \u escapes.</summary>
    public static CarJsonContext Readable { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
