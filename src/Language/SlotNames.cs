namespace Car.Language;

/// <summary>
/// The slot names of the contract's intents, mirroring models/nlu/schema.json. The rules' extractors and the
/// lexicon's templates that fill a slot are named after it. A test keeps them and the schema in step both ways.
/// </summary>
public static class SlotNames
{
    public const string Artist = "artist";
    public const string Category = "category";
    public const string Color = "color";
    public const string Contact = "contact";
    public const string Delta = "delta";
    public const string Destination = "destination";
    public const string Level = "level";
    public const string Mode = "mode";
    public const string On = "on";
    public const string Percent = "percent";
    public const string Position = "position";
    public const string Preference = "preference";
    public const string Query = "query";
    public const string Style = "style";
    public const string Subject = "subject";
    public const string Target = "target";
    public const string Theme = "theme";
    public const string Title = "title";
    public const string Value = "value";
    public const string Zone = "zone";
}
