using System.CommandLine;
using Car.Speech.Output;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli;

/// <summary><c>car speak TEXT [--out reply.wav]</c>: a reply spoken by espeak-ng, to the sound device or a file.</summary>
public static class SpeakCommand
{
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> startHost)
    {
        var text = new Argument<string>("text") { Description = "What to say, e.g. 已为您打开主驾车窗" };
        var output = new Option<FileInfo>("--out") { Description = "Write a WAV file instead of playing." };
        var command = new Command("speak", "Speak a reply with espeak-ng (Mandarin voice).") { text, output };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            var speaker = host.Services.GetRequiredService<ISpeaker>();
            if (!speaker.IsAvailable)
            {
                await Console.Error.WriteLineAsync($"car: {speaker.Unavailable}").ConfigureAwait(false);
                return ExitCodes.MissingEngine;
            }

            try
            {
                if (result.GetValue(output) is { } file)
                {
                    await speaker.WriteWavAsync(result.GetValue(text)!, file.FullName, cancellationToken).ConfigureAwait(false);
                    await Console.Out.WriteLineAsync(file.FullName).ConfigureAwait(false);
                }
                else
                {
                    await speaker.SpeakAsync(result.GetValue(text)!, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (InvalidOperationException e)
            {
                // No sound card, no player, or espeak-ng failing: one line, exit 3.
                await Console.Error.WriteLineAsync($"car: {e.Message}").ConfigureAwait(false);
                return ExitCodes.MissingEngine;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
