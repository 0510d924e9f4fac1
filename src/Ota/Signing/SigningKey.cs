using NSec.Cryptography;

namespace Car.Ota.Signing;

/// <summary>
/// An Ed25519 private key for packing bundles. Its file is one line, <c>ed25519-private BASE64 NAME</c>, beside
/// <c>NAME.pub</c> with the public key's line.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private const string Prefix = "ed25519-private";
    private readonly Key _key;

    private SigningKey(Key key, string name)
    {
        _key = key;
        Public = PublicSigningKey.From(key.PublicKey, name);
    }

    public PublicSigningKey Public { get; }

    public static SigningKey Generate(string name) =>
        new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }), name);

    /// <summary>Reads a private key file written by <see cref="WriteAsync"/>.</summary>
    public static async Task<SigningKey> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
        var parts = text.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] != Prefix)
        {
            throw new BundleRejectedException($"{path} is not a private key written by `car models keygen`.");
        }

        try
        {
            var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(parts[1]), KeyBlobFormat.RawPrivateKey,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            return new SigningKey(key, parts.Length > 2 ? parts[2] : Path.GetFileName(path));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new BundleRejectedException($"{path} holds a malformed Ed25519 private key.", e);
        }
    }

    /// <summary>Writes <c>DIR/NAME</c> (private, owner-only) and <c>DIR/NAME.pub</c>.</summary>
    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Public.Name);
        var raw = _key.Export(KeyBlobFormat.RawPrivateKey);
        await File.WriteAllTextAsync(path, $"{Prefix} {Convert.ToBase64String(raw)} {Public.Name}\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await File.WriteAllTextAsync(path + ".pub", Public.Text + "\n", cancellationToken).ConfigureAwait(false);
    }

    public BundleSignature Sign(ReadOnlySpan<byte> document) =>
        new(Public.Id, Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_key, document)));

    public void Dispose() => _key.Dispose();
}
