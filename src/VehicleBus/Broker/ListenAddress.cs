using System.Net;

namespace Car.VehicleBus.Broker;

/// <summary>The IP address a server listens on for the host of its URL (the broker's, the dashboard's).</summary>
public static class ListenAddress
{
    /// <summary><c>localhost</c> is loopback; <c>*</c>, <c>+</c> and <c>0.0.0.0</c> are every interface; else an IP address, or null when the host is none.</summary>
    public static IPAddress? Of(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" or "0.0.0.0" => IPAddress.Any,
            _ => IPAddress.TryParse(host.Trim('[', ']'), out var address) ? address : null,
        };
    }
}
