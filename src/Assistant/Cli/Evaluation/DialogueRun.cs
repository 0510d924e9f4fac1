using Car.Assistant.Dialogue;
using Car.Language;
using Microsoft.Extensions.DependencyInjection;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>
/// <c>car eval … --dialogue</c>: each conversation of the corpus (consecutive utterances with one session id) goes
/// through one <see cref="Conversation"/> with the simulated car, as <c>car say</c> runs it, and each utterance is
/// scored on what the car carried out: a question back (打给谁？) is not an action, and the answer to it is judged by
/// the request it completes (马斌 after 打电话 calls 马斌).
/// </summary>
internal static class DialogueRun
{
    public static async Task<List<ScoredUtterance>> ScoreAsync(
        IServiceProvider services, IReadOnlyList<LabeledUtterance> utterances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(utterances);
        var scored = new List<ScoredUtterance>(utterances.Count);
        Conversation? conversation = null;
        string? session = null;
        try
        {
            foreach (var utterance in utterances)
            {
                if (conversation is null || utterance.Session != session)
                {
                    conversation?.Dispose();
                    conversation = services.GetRequiredService<Conversation>();
                    session = utterance.Session;
                }

                var report = await conversation.HandleAsync(utterance.Text, cancellationToken).ConfigureAwait(false);
                // What the car did is what counts, however sure the parser was of it (确定 carries a request asked about).
                var done = new ParsedUtterance(utterance.Text, [.. report.Carried.Select(i => i with { Confidence = 1.0 })], report.Engine);
                scored.Add(new ScoredUtterance(utterance, done, UtteranceScorer.Score(utterance, done), report.Ask));
            }
        }
        finally
        {
            conversation?.Dispose();
        }

        return scored;
    }
}
