namespace Car.Bench;

/// <summary>Where the benchmark finds the repository's data.</summary>
internal static class Paths
{
    public static string NluModels => Path.Combine(AppContext.BaseDirectory, "models", "nlu");

    public static string Corpus => Path.Combine(Root, "tests", "Car.Language.Tests", "Language", "TestData", "corpus.tsv");

    public static string Holdout => Path.Combine(Root, "tests", "Car.Language.Tests", "Language", "TestData", "holdout.tsv");

    public static string NodeReference => Path.Combine(Root, "bench", "node", "llm-reference.mjs");

    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Car.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException("Car.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
