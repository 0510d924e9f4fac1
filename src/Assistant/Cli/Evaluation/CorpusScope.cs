using System.Reflection;
using Car.Language;

namespace Car.Assistant.Cli.Evaluation;

/// <summary>
/// Which of our intents a corpus annotates. Its "others" label means "none of these", not "nothing the car does":
/// NLPCC has no volume or climate labels, so 音量调到10 is "others" there. An acting intent outside the corpus's
/// scope on an "others" utterance is therefore not judged (neither exact nor wrong); one inside it is wrong.
/// </summary>
internal static class CorpusScope
{
    public static IReadOnlyList<string> Nlpcc { get; } =
    [
        IntentNames.MediaPlay, IntentNames.MediaPause, IntentNames.MediaNext, IntentNames.MediaPrevious,
        IntentNames.NavGo, IntentNames.NavCancel, IntentNames.NavResume, IntentNames.PhoneCall, IntentNames.PhoneHangUp,
    ];

    public static IReadOnlyList<string> CatsluMap { get; } =
        [IntentNames.NavGo, IntentNames.NavCancel, IntentNames.NavResume, IntentNames.PoiSearch];

    /// <summary>"Others" in a corpus of <paramref name="scope"/>: nothing of the scope, anything outside it unjudged.</summary>
    public static Expectation NothingOf(IReadOnlyList<string> scope) =>
        Expectation.Nothing.Tolerating([.. AllIntents.Where(name => !scope.Contains(name))]);

    private static IEnumerable<string> AllIntents => typeof(IntentNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!);
}
