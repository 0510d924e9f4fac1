using System.Text.Json;
using System.Text.Json.Serialization;
using Car.Ota.Signing;
using Car.Ota.Store;

namespace Car.Ota.Bundles;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(BundleManifest))]
[JsonSerializable(typeof(IReadOnlyList<BundleSignature>))]
[JsonSerializable(typeof(TrustRoot))]
[JsonSerializable(typeof(StorePointer))]
[JsonSerializable(typeof(InstallRecord))]
[JsonSerializable(typeof(SlotSeal))]
internal sealed partial class BundleJsonContext : JsonSerializerContext;
