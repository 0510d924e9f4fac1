using System.CommandLine;
using System.Text;
using Car.Language;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli;

/// <summary>
/// <c>car parse</c>: one UTF-8 line in, one contract JSON object out, until the input ends. Output is buffered while
/// more input is already waiting (a file, a batch through a pipe: one write per buffer, not per line) and flushed
/// whenever the program would wait for input, so an interactive caller gets each answer at once.
/// </summary>
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
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
            await using (output.ConfigureAwait(false))
            {
                while (true)
                {
                    var next = ConsoleLines.ReadLineAsync(input, cancellationToken);
                    if (!next.IsCompleted)
                    {
                        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (await next.ConfigureAwait(false) is not { } line)
                    {
                        break;
                    }

                    var parsed = await engine.ParseAsync(line, cancellationToken).ConfigureAwait(false);
                    await output.WriteLineAsync(IntentJson.ParseLine(parsed)).ConfigureAwait(false);
                }
            }

            return 0;
        });
        return command;
    }
}
