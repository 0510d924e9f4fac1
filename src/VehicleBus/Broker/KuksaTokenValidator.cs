using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Car.VehicleBus.Broker;

/// <summary>
/// Checks the signed JWTs KUKSA clients send (<c>authorization: Bearer …</c>, spec §6) against the broker's public
/// key: RS256/384/512 for an RSA key, ES256/384 for an EC key. The token needs <c>sub</c>, <c>iss</c>, <c>aud</c>
/// (holding <c>kuksa.val</c>), <c>iat</c>, <c>exp</c> (in the future) and <c>scope</c>. Written on
/// System.Security.Cryptography alone; tokens seen before are remembered until they expire.
/// </summary>
public sealed class KuksaTokenValidator : IDisposable
{
    private const string Audience = "kuksa.val";
    private readonly RSA? _rsa;
    private readonly ECDsa? _ec;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, KuksaAccess> _seen = new(StringComparer.Ordinal);

    /// <param name="publicKeyPem">The PEM text of the public key (RSA or EC).</param>
    public KuksaTokenValidator(string publicKeyPem, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(publicKeyPem);
        _time = time;
        if (!TryEc(publicKeyPem, out _ec))
        {
            _rsa = RSA.Create();
            _rsa.ImportFromPem(publicKeyPem);
        }
    }

    /// <summary>The rights the token grants; throws <see cref="FormatException"/> saying why it is refused.</summary>
    public KuksaAccess Validate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = _time.GetUtcNow();
        if (_seen.TryGetValue(token, out var known))
        {
            return known.Expires > now ? known : throw new FormatException("The token has expired.");
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException("The token is not a signed JWT (header.payload.signature).");
        }

        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        var alg = header.RootElement.TryGetProperty("alg", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var signature = Base64Url(parts[2]);
        var valid = alg switch
        {
            "RS256" when _rsa is not null => _rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" when _rsa is not null => _rsa.VerifyData(signed, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" when _rsa is not null => _rsa.VerifyData(signed, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "ES256" when _ec is not null => _ec.VerifyData(signed, signature, HashAlgorithmName.SHA256),
            "ES384" when _ec is not null => _ec.VerifyData(signed, signature, HashAlgorithmName.SHA384),
            _ => throw new FormatException($"The token's algorithm '{alg}' does not fit the broker's {(_rsa is not null ? "RSA" : "EC")} key."),
        };
        if (!valid)
        {
            throw new FormatException("The token's signature does not match the broker's key.");
        }

        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        var claims = payload.RootElement;
        foreach (var name in (string[])["sub", "iss", "aud", "iat", "exp", "scope"])
        {
            if (!claims.TryGetProperty(name, out _))
            {
                throw new FormatException($"The token lacks the claim '{name}'.");
            }
        }

        var aud = claims.GetProperty("aud");
        var audiences = aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Select(e => e.GetString()) : [aud.GetString()];
        if (!audiences.Contains(Audience))
        {
            throw new FormatException($"The token's audience does not include '{Audience}'.");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        if (expires <= now)
        {
            throw new FormatException("The token has expired.");
        }

        var access = KuksaAccess.FromScope(claims.GetProperty("scope").GetString() ?? string.Empty, expires);
        if (_seen.Count > 1000)
        {
            _seen.Clear();
        }

        _seen[token] = access;
        return access;
    }

    public void Dispose()
    {
        _rsa?.Dispose();
        _ec?.Dispose();
    }

    private static bool TryEc(string pem, out ECDsa? ec)
    {
        ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return true;
        }
        catch (CryptographicException)
        {
            ec.Dispose();
            ec = null;
            return false;
        }
        catch (ArgumentException)
        {
            ec.Dispose();
            ec = null;
            return false;
        }
    }

    private static byte[] Base64Url(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
            return Convert.FromBase64String(padded);
        }
        catch (FormatException e)
        {
            throw new FormatException("The token is not base64url.", e);
        }
    }
}
