namespace Car.Assistant.Cli.Evaluation;

/// <summary>One line of the NLPCC 2018 task 4 corpus: the label and the tagged slots, in the order they were said.</summary>
/// <param name="Session">The corpus's session id (first column): consecutive lines with one id are one conversation.</param>
internal sealed record NlpccTurn(int Line, string Utterance, string Label, IReadOnlyList<KeyValuePair<string, string>> Slots, string Session = "")
{
    public IEnumerable<string> Values(params string[] slots) =>
        Slots.Where(s => slots.Contains(s.Key)).Select(s => s.Value);
}
