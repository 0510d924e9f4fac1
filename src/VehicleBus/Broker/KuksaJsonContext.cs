using System.Text.Json.Serialization;

namespace Car.VehicleBus.Broker;

/// <summary>What <see cref="KuksaValues"/> writes as JSON (a string array's values), source-generated for trimming.</summary>
[JsonSerializable(typeof(IEnumerable<string>))]
internal sealed partial class KuksaJsonContext : JsonSerializerContext;
