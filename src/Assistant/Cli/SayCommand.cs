using System.CommandLine;
using Car.Assistant.Dialogue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli;

/// <summary><c>car say TEXT…</c>: each utterance through parse, policy and the simulated car, in one session.</summary>
public static class SayCommand
{
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> startHost, Option<bool> json)
    {
        var text = new Argument<string[]>("text")
        {
            Description = "One or more utterances, e.g. 有点闷 再开大一点",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("say", "Run utterances through the assistant and the simulated car; print what happened.")
        {
            text,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            using var session = host.Services.GetRequiredService<Conversation>();
            foreach (var utterance in result.GetValue(text) ?? [])
            {
                var report = await session.HandleAsync(utterance, cancellationToken).ConfigureAwait(false);
                TurnPrinter.Print(Console.Out, report, result.GetValue(json));
            }

            return 0;
        });
        return command;
    }
}
