using System.Text.RegularExpressions;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>
/// Reads the NLPCC 2018 task 4 format: tab-separated id, utterance, label, and the utterance with
/// &lt;slot&gt;value&lt;/slot&gt; tags; blank lines separate sessions.
/// </summary>
internal static partial class NlpccReader
{
    public static async Task<IReadOnlyList<NlpccTurn>> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var turns = new List<NlpccTurn>();
        var number = 0;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            turns.Add(Parse(line, number));
        }

        return turns;
    }

    public static NlpccTurn Parse(string line, int number)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.TrimEnd('\r').Split('\t');
        if (fields.Length != 4)
        {
            throw new CorpusFormatException($"line {number}: expected 4 tab-separated fields (id, utterance, label, tagged utterance), found {fields.Length}");
        }

        var label = fields[2].Trim();
        if (!NlpccMapping.KnownLabels.Contains(label))
        {
            throw new CorpusFormatException($"line {number}: unknown label '{label}'");
        }

        var slots = new List<KeyValuePair<string, string>>();
        var rest = SlotTag().Replace(fields[3], match =>
        {
            slots.Add(new(match.Groups["name"].Value, match.Groups["value"].Value));
            return string.Empty;
        });
        if (AnyTag().Match(rest) is { Success: true } stray)
        {
            throw new CorpusFormatException($"line {number}: unbalanced slot tag '{stray.Value}'");
        }

        return new NlpccTurn(number, fields[1].Trim(), label, slots, fields[0].Trim());
    }

    [GeneratedRegex("<(?<name>[a-z_]+)>(?<value>[^<]*)</\\k<name>>")]
    private static partial Regex SlotTag();

    [GeneratedRegex("</?[a-z_]+>")]
    private static partial Regex AnyTag();
}
