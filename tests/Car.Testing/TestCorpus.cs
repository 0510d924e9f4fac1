namespace Car.Testing;

/// <summary>
/// The project's own written corpora (tests/Car.Language.Tests/Language/TestData, copied beside the tests): one
/// utterance and its expected intents per line, tab-separated; '#' starts a comment.
/// </summary>
public static class TestCorpus
{
    public static IEnumerable<(string Utterance, string Expected)> Read(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Language", "TestData", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]));
}
