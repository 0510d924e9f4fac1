using System.CommandLine;
using Car.Language;
using Car.Ota;
using Car.Ota.Bundles;
using Car.Ota.Signing;

namespace Car.Assistant.Cli.Models;

/// <summary><c>car models pack SRC_DIR --version N --key DIR/NAME --out BUNDLE_DIR</c>: a signed bundle folder.</summary>
internal static class PackCommand
{
    /// <summary>What every bundle's language data must still understand (the health check parses them).</summary>
    private static readonly SelfTest[] DefaultSelfTests =
    [
        new("打开车窗", IntentNames.WindowOpen),
        new("关闭天窗", IntentNames.SunroofClose),
        new("打开空调", IntentNames.ClimateOn),
    ];

    public static Command Create()
    {
        var source = new Argument<DirectoryInfo>("SRC_DIR") { Description = "The models to pack (e.g. models/: nlu, vss, can)." };
        var version = new Option<long>("--version") { Description = "The bundle version: higher than any the cars have run.", Required = true };
        var keys = new Option<FileInfo[]>("--key") { Description = "A private key from `car models keygen` (repeatable: one signature each).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The bundle folder to write.", Required = true };
        var add = new Option<FileSystemInfo[]>("--add") { Description = "More files or folders to carry at the bundle's top (e.g. the models of `car models write-test`)." };
        var expires = new Option<int>("--expires-days") { Description = "Days until the manifest expires.", DefaultValueFactory = _ => 365 };
        var minApp = new Option<string>("--min-app-version") { Description = "The oldest program that may run it.", DefaultValueFactory = _ => "0.0.0" };
        var chunk = new Option<int>("--chunk-size") { Description = "Bytes per hashed chunk (resumable downloads).", DefaultValueFactory = _ => 1024 * 1024 };
        var name = new Option<string>("--bundle") { Description = "The bundle's name (Ota:BundleName on the car).", DefaultValueFactory = _ => "car-models" };
        var selfTests = new Option<string[]>("--self-test") { Description = "TEXT=INTENT the health check must parse (repeatable; default: a few basic commands)." };
        var rotateTo = new Option<FileInfo[]>("--rotate-to") { Description = "Public keys of a new trust root (key rotation; --key must include old and new keys)." };
        var rootVersion = new Option<int>("--root-version") { Description = "The new trust root's version.", DefaultValueFactory = _ => 2 };
        var rootThreshold = new Option<int>("--root-threshold") { Description = "Signatures the new trust root requires.", DefaultValueFactory = _ => 1 };
        var command = new Command("pack", "Pack and sign a bundle folder (manifest.json, signatures.json, files/).")
        {
            source, version, keys, output, add, expires, minApp, chunk, name, selfTests, rotateTo, rootVersion, rootThreshold,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var files = BundlePacker.FilesUnder(result.GetValue(source)!.FullName);
                foreach (var extra in result.GetValue(add) ?? [])
                {
                    var more = extra is DirectoryInfo d ? BundlePacker.FilesUnder(d.FullName) : new Dictionary<string, string> { [extra.Name] = extra.FullName };
                    foreach (var (path, file) in more)
                    {
                        files[path] = file;
                    }
                }

                var signing = new List<SigningKey>();
                foreach (var key in result.GetValue(keys)!)
                {
                    signing.Add(await SigningKey.LoadAsync(key.FullName, cancellationToken).ConfigureAwait(false));
                }

                TrustRoot? root = null;
                if (result.GetValue(rotateTo) is { Length: > 0 } newKeys)
                {
                    var texts = new List<string>();
                    foreach (var key in newKeys)
                    {
                        texts.Add(PublicSigningKey.Parse(await File.ReadAllTextAsync(key.FullName, cancellationToken).ConfigureAwait(false)).Text);
                    }

                    root = new TrustRoot(result.GetValue(rootVersion), result.GetValue(rootThreshold), texts);
                }

                var tests = (result.GetValue(selfTests) ?? []).Select(t => t.Split('=', 2)).Select(p => new SelfTest(p[0], p.Length > 1 ? p[1] : "")).ToArray();
                var directory = result.GetValue(output)!.FullName;
                var manifest = await BundlePacker.PackAsync(new PackRequest(
                    result.GetValue(name)!, result.GetValue(version), files, signing,
                    TimeProvider.System.GetUtcNow().AddDays(result.GetValue(expires)), result.GetValue(minApp)!, result.GetValue(chunk),
                    tests.Length > 0 ? tests : DefaultSelfTests, root), directory, TimeProvider.System, cancellationToken).ConfigureAwait(false);
                signing.ForEach(k => k.Dispose());
                await Console.Out.WriteLineAsync(
                    $"{directory}  {manifest.Bundle} version {manifest.Version}: {manifest.Files.Count} files, {manifest.TotalBytes / 1e6:0.0} MB, "
                    + $"signed by {string.Join(", ", signing.Select(k => k.Public.Name))}").ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is BundleRejectedException or IOException)
            {
                return await BundleCommandOptions.FailAsync(e).ConfigureAwait(false);
            }
        });
        return command;
    }
}
