namespace Car.Ota.Download;

/// <summary>Whether the car may download now (the configured network is up).</summary>
public interface INetworkCondition
{
    /// <summary>Null when downloading is allowed, else why not.</summary>
    string? Unmet();
}
