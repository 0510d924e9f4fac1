namespace Car.Assistant.Telemetry;

/// <summary>The names of a turn's spans: the turn itself and its stages, in the order they happen.</summary>
public static class TurnStages
{
    public const string Turn = "turn";
    public const string Vad = "vad";
    public const string Asr = "asr";
    public const string Parse = "parse";
    public const string Policy = "policy";
    public const string Actuate = "actuate";
    public const string Cloud = "cloud";
}
