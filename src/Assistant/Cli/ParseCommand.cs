using System.CommandLine;
using System.Text;
using Car.Language;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli;

/// <summary><c>car parse</c>: one UTF-8 line in, one contract JSON object out, until the input ends.</summary>
public static class ParseCommand
{
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> startHost)
    {
        var command = new Command("parse", "Read utterances from stdin, one per line, and print their intents as JSON lines.");
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            var engine = host.Services.GetRequiredService<IIntentParser>();
            using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            string? line;
            while ((line = await ConsoleLines.ReadLineAsync(input, cancellationToken).ConfigureAwait(false)) is not null)
            {
                var parsed = await engine.ParseAsync(line, cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync(IntentJson.ParseLine(parsed)).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
