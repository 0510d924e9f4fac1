using System.CommandLine;
using System.Text;
using Car.Language;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>
/// <c>car eval nlpcc|catslu FILE</c>: runs every labelled utterance of a public in-car corpus through the parser
/// <c>car parse</c> uses and prints exact-match, missed and wrong-action rates per domain (docs/evaluation.md).
/// </summary>
public static class EvalCommand
{
    private const string Nlpcc = "nlpcc";
    private const string Catslu = "catslu";

    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> startHost, Option<bool> json)
    {
        var corpus = new Argument<string>("corpus") { Description = "The corpus format: nlpcc (NLPCC 2018 task 4) or catslu (CATSLU map)." };
        corpus.AcceptOnlyFromAmong(Nlpcc, Catslu);
        var file = new Argument<FileInfo>("file") { Description = "The corpus file (kept outside the repository)." };
        var transcript = new Option<string>("--transcript")
        {
            Description = "catslu: which transcript the parser hears, asr (asr_1best) or manual (manual_transcript).",
            DefaultValueFactory = _ => "asr",
        };
        transcript.AcceptOnlyFromAmong("asr", "manual");
        var show = new Option<string?>("--show") { Description = "Also print the failing utterances: wrong, missed or all." };
        show.AcceptOnlyFromAmong("wrong", "missed", "all");
        var dialogue = new Option<bool>("--dialogue")
        {
            Description = "Run each conversation of the corpus through the assistant and the simulated car, and score what the car did each turn.",
        };
        var command = new Command("eval", "Measure the parser on a labelled corpus: exact match, missed and wrong actions per domain.")
        {
            corpus, file, transcript, show, dialogue,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var kind = result.GetValue(corpus)!;
            IReadOnlyList<LabeledUtterance> utterances;
            try
            {
                utterances = await ReadAsync(kind, path, result.GetValue(transcript) == "manual", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"car: cannot read {path.FullName}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }
            catch (CorpusFormatException e)
            {
                await Console.Error.WriteLineAsync($"car: {path.FullName} is not a {kind} corpus: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Configuration;
            }

            using var host = await startHost(result, cancellationToken).ConfigureAwait(false);
            var parser = host.Services.GetRequiredService<IIntentParser>();
            var inDialogue = result.GetValue(dialogue);
            var scored = inDialogue
                ? await DialogueRun.ScoreAsync(host.Services, utterances, cancellationToken).ConfigureAwait(false)
                : await ParseEachAsync(parser, utterances, cancellationToken).ConfigureAwait(false);

            var report = EvaluationReport.Of(kind, inDialogue ? $"{parser.Engine}, in dialogue" : parser.Engine, scored);
            if (result.GetValue(show) is { } shown)
            {
                // With --json stdout carries only the report; the failures go to stderr.
                ReportPrinter.WriteFailures(result.GetValue(json) ? Console.Error : Console.Out, scored.Where(s => shown switch
                {
                    "wrong" => s.Outcome == Outcome.Wrong,
                    "missed" => s.Outcome == Outcome.Missed,
                    _ => s.Outcome is Outcome.Wrong or Outcome.Missed or Outcome.Partial,
                }));
            }

            if (result.GetValue(json))
            {
                await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                using var stdout = Console.OpenStandardOutput();
                ReportPrinter.WriteJson(stdout, report);
                await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                ReportPrinter.WriteTable(Console.Out, report);
            }

            return 0;
        });
        return command;
    }

    private static async Task<List<ScoredUtterance>> ParseEachAsync(
        IIntentParser parser, IReadOnlyList<LabeledUtterance> utterances, CancellationToken cancellationToken)
    {
        var scored = new List<ScoredUtterance>(utterances.Count);
        foreach (var utterance in utterances)
        {
            var parsed = await parser.ParseAsync(utterance.Text, cancellationToken).ConfigureAwait(false);
            scored.Add(new ScoredUtterance(utterance, parsed, UtteranceScorer.Score(utterance, parsed)));
        }

        return scored;
    }

    private static async Task<IReadOnlyList<LabeledUtterance>> ReadAsync(string kind, FileInfo path, bool manual, CancellationToken cancellationToken)
    {
        var stream = path.OpenRead();
        await using (stream.ConfigureAwait(false))
        {
            if (kind == Catslu)
            {
                var turns = await CatsluReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
                return [.. turns.Select(t => CatsluMapping.Map(t, manual))];
            }

            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            var lines = await NlpccReader.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
            return [.. lines.Select(NlpccMapping.Map)];
        }
    }
}
