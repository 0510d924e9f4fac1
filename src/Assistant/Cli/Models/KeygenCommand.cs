using System.CommandLine;
using Car.Ota.Signing;

namespace Car.Assistant.Cli.Models;

/// <summary><c>car models keygen --out DIR [--name NAME]</c>: an Ed25519 key pair for signing bundles.</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The directory for NAME (private) and NAME.pub.", Required = true };
        var name = new Option<string>("--name") { Description = "The key's name.", DefaultValueFactory = _ => "car-ota" };
        var command = new Command("keygen", "Write an Ed25519 key pair (DIR/NAME private, DIR/NAME.pub public: trust it with --set Ota:TrustedKeys:0=<its text>).")
        {
            output, name,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var key = SigningKey.Generate(result.GetValue(name)!);
            var directory = result.GetValue(output)!.FullName;
            await key.WriteAsync(directory, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{Path.Combine(directory, key.Public.Name)}.pub  {key.Public.Text}").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
