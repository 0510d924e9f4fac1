namespace Car.Assistant.Cli.Evaluation;

/// <summary>One corpus utterance with its label mapped to the contract.</summary>
/// <param name="Text">What the parser hears.</param>
/// <param name="Domain">The table row: music, navigation, phone, map or others.</param>
/// <param name="Source">Where it is in the corpus file (line 12, dialogue 3 turn 2), for developers.</param>
/// <param name="Session">Which conversation of the corpus it belongs to; its turns are consecutive.</param>
internal sealed record LabeledUtterance(string Text, string Domain, Expectation Expected, string Source, string Session = "");
