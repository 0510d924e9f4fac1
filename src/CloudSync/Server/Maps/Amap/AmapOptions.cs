namespace Car.CloudSync.Server.Maps.Amap;

public sealed class AmapOptions
{
    /// <summary>The web service key (<c>Maps:Amap:Key</c>).</summary>
    public string Key { get; set; } = "";

    public Uri BaseUrl { get; set; } = new("https://restapi.amap.com");

    /// <summary>Per call; the car has its own, shorter, deadline.</summary>
    public int TimeoutSeconds { get; set; } = 5;
}
