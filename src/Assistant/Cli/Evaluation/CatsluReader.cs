using System.Text.Json;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>Reads the CATSLU JSON: a list of dialogues, each a list of turns with manual_transcript, asr_1best and semantic.</summary>
internal static class CatsluReader
{
    public static async Task<IReadOnlyList<CatsluTurn>> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new CorpusFormatException($"line {e.LineNumber + 1}: not valid JSON ({FirstSentence(e.Message)})", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CorpusFormatException("expected a JSON list of dialogues");
            }

            var turns = new List<CatsluTurn>();
            var dialogueNumber = 0;
            foreach (var dialogue in document.RootElement.EnumerateArray())
            {
                dialogueNumber++;
                if (dialogue.ValueKind != JsonValueKind.Array)
                {
                    throw new CorpusFormatException($"dialogue {dialogueNumber}: expected a list of turns");
                }

                var turnNumber = 0;
                foreach (var turn in dialogue.EnumerateArray())
                {
                    turnNumber++;
                    turns.Add(Turn(turn, dialogueNumber, turnNumber));
                }
            }

            return turns;
        }
    }

    private static CatsluTurn Turn(JsonElement turn, int dialogue, int number)
    {
        var where = $"dialogue {dialogue} turn {number}";
        if (turn.ValueKind != JsonValueKind.Object)
        {
            throw new CorpusFormatException($"{where}: expected an object");
        }

        var semantic = new List<CatsluSlot>();
        foreach (var label in Property(turn, "semantic", JsonValueKind.Array, where).EnumerateArray())
        {
            var parts = label.ValueKind == JsonValueKind.Array ? label.EnumerateArray().ToList() : [];
            if (parts.Count < 2 || parts.Any(p => p.ValueKind != JsonValueKind.String))
            {
                throw new CorpusFormatException($"{where}: a semantic label must be [act, slot, value], not {label.GetRawText()}");
            }

            semantic.Add(new CatsluSlot(parts[0].GetString()!, parts[1].GetString()!, parts.Count > 2 ? parts[2].GetString()! : string.Empty));
        }

        return new CatsluTurn(
            dialogue,
            number,
            Property(turn, "manual_transcript", JsonValueKind.String, where).GetString()!,
            Property(turn, "asr_1best", JsonValueKind.String, where).GetString()!,
            semantic);
    }

    private static JsonElement Property(JsonElement turn, string name, JsonValueKind kind, string where) =>
        turn.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new CorpusFormatException($"{where}: missing {name} ({kind.ToString().ToLowerInvariant()})");

    private static string FirstSentence(string message) =>
        message.Split(". ", 2)[0].TrimEnd('.');
}
