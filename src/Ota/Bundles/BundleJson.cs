using System.Text.Json;

namespace Car.Ota.Bundles;

/// <summary>Reads and writes the bundle's JSON documents; a malformed one is a rejected bundle, not a crash.</summary>
internal static class BundleJson
{
    public static byte[] Serialize<T>(T value) =>
        JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), BundleJsonContext.Default);

    public static T Deserialize<T>(ReadOnlySpan<byte> json, string what)
    {
        try
        {
            return (T?)JsonSerializer.Deserialize(json, typeof(T), BundleJsonContext.Default)
                ?? throw new BundleRejectedException($"The {what} is empty.");
        }
        catch (JsonException e)
        {
            throw new BundleRejectedException($"The {what} is not valid JSON: {e.Message}", e);
        }
    }
}
