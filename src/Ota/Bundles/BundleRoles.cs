namespace Car.Ota.Bundles;

/// <summary>The roles a bundle's files play, and the role a packed file gets from its path.</summary>
public static class BundleRoles
{
    public const string Asr = "asr";
    public const string Llm = "llm";
    public const string Vad = "vad";
    public const string Lexicon = "lexicon";
    public const string Rules = "rules";
    public const string Schema = "schema";
    public const string Vss = "vss";
    public const string Dbc = "dbc";

    /// <summary>Anything else the bundle carries (READMEs, extra data).</summary>
    public const string Data = "data";

    /// <summary>The role of a file at <paramref name="path"/> (relative, forward slashes).</summary>
    public static string ForPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = System.IO.Path.GetFileName(path);
        return path switch
        {
            _ when name == "lexicon.json" => Lexicon,
            _ when name == "rules.json" => Rules,
            _ when name == "schema.json" => Schema,
            _ when path.StartsWith("vss/", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal) => Vss,
            _ when path.EndsWith(".dbc", StringComparison.OrdinalIgnoreCase) => Dbc,
            _ when path.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) => Llm,
            _ when path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) => Vad,
            _ when name.Contains("whisper", StringComparison.OrdinalIgnoreCase) || path.StartsWith("asr/", StringComparison.Ordinal) => Asr,
            _ => Data,
        };
    }
}
