namespace Car.CloudSync.Server.Maps.Amap;

/// <summary>Amap answered, but with status 0 (a bad key, a quota, a bad parameter): its info and infocode.</summary>
public sealed class AmapException : Exception
{
    public AmapException()
    {
    }

    public AmapException(string message) : base(message)
    {
    }

    public AmapException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public string InfoCode { get; init; } = "";
}
