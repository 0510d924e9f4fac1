using System.Security.Cryptography;
using NSec.Cryptography;

namespace Car.Ota.Signing;

/// <summary>An Ed25519 public key; its text is one line: <c>ed25519 BASE64 NAME</c>.</summary>
public sealed class PublicSigningKey
{
    private const string Prefix = "ed25519";
    private readonly PublicKey _key;

    private PublicSigningKey(PublicKey key, string name)
    {
        _key = key;
        Name = name;
        var raw = key.Export(KeyBlobFormat.RawPublicKey);
        Id = Convert.ToHexStringLower(SHA256.HashData(raw).AsSpan(0, 8));
        Text = $"{Prefix} {Convert.ToBase64String(raw)} {name}";
    }

    /// <summary>The first 8 bytes of the key's SHA-256, in hex: how signatures name their key.</summary>
    public string Id { get; }

    public string Name { get; }

    public string Text { get; }

    internal PublicKey Key => _key;

    /// <summary>Reads the one-line text form; throws <see cref="BundleRejectedException"/> with what is wrong.</summary>
    public static PublicSigningKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] != Prefix)
        {
            throw new BundleRejectedException($"A trusted key must read 'ed25519 BASE64 [NAME]', not '{Shorten(text)}'.");
        }

        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException e)
        {
            throw new BundleRejectedException($"A trusted key's base64 is malformed: '{Shorten(text)}'.", e);
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new BundleRejectedException($"Not an Ed25519 public key: '{Shorten(text)}'.");
        }

        return new PublicSigningKey(key, parts.Length > 2 ? parts[2] : "key");
    }

    internal static PublicSigningKey From(PublicKey key, string name) => new(key, name);

    public bool Verify(ReadOnlySpan<byte> document, ReadOnlySpan<byte> signature) =>
        SignatureAlgorithm.Ed25519.Verify(_key, document, signature);

    public override string ToString() => Text;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
