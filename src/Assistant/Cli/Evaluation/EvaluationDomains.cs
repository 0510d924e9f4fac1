namespace Car.Assistant.Cli.Evaluation;

/// <summary>The rows of the evaluation table.</summary>
internal static class EvaluationDomains
{
    public const string Music = "music";
    public const string Navigation = "navigation";
    public const string Phone = "phone";
    public const string Map = "map";
    public const string Others = "others";
}
