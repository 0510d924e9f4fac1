namespace Car.Ota.Store;

/// <summary>The store's slots: the read-only factory bundle and the two that updates alternate between.</summary>
public static class Slots
{
    public const string Factory = "factory";
    public const string A = "a";
    public const string B = "b";

    /// <summary>The slot an update goes into while <paramref name="active"/> runs.</summary>
    public static string Other(string active) => active == A ? B : A;
}
