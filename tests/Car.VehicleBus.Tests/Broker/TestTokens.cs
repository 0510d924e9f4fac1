using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Car.VehicleBus.Tests.Broker;

/// <summary>A signing key pair written to a temporary PEM file, and JWTs signed with it as KUKSA's tools make them.</summary>
internal sealed class TestTokens : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    public TestTokens(bool elliptic = false)
    {
        _key = elliptic ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        PublicKeyFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"car-broker-{Guid.NewGuid():N}.pem");
        File.WriteAllText(PublicKeyFile, _key is RSA rsa ? rsa.ExportSubjectPublicKeyInfoPem() : ((ECDsa)_key).ExportSubjectPublicKeyInfoPem());
    }

    public string PublicKeyFile { get; }

    /// <summary>A token with the scope, valid for <paramref name="lifetime"/> (one hour by default; negative: already expired).</summary>
    public string Issue(string scope, TimeSpan? lifetime = null, string audience = "kuksa.val")
    {
        var now = DateTimeOffset.UtcNow;
        var header = new Dictionary<string, object> { ["alg"] = _key is RSA ? "RS256" : "ES256", ["typ"] = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["sub"] = "car-tests",
            ["iss"] = "car-tests",
            ["aud"] = new[] { audience },
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + (lifetime ?? TimeSpan.FromHours(1))).ToUnixTimeSeconds(),
            ["scope"] = scope,
        };
        var signed = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var data = Encoding.ASCII.GetBytes(signed);
        var signature = _key is RSA r
            ? r.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : ((ECDsa)_key).SignData(data, HashAlgorithmName.SHA256);
        return signed + "." + Base64Url(signature);
    }

    public void Dispose()
    {
        _key.Dispose();
        File.Delete(PublicKeyFile);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
