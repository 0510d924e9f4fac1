using System.Net.NetworkInformation;
using Microsoft.Extensions.Options;

namespace Car.Ota.Download;

/// <summary>Met when any network interface is up whose name starts with one of <see cref="DownloadOptions.AllowedInterfaces"/> (any, when none are listed).</summary>
public sealed class InterfaceNetworkCondition : INetworkCondition
{
    private readonly OtaOptions _options;

    public InterfaceNetworkCondition(IOptions<OtaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public string? Unmet()
    {
        var allowed = _options.Download.AllowedInterfaces;
        if (allowed.Count == 0)
        {
            return null;
        }

        var up = NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
            .Select(n => n.Name).ToList();
        return up.Any(name => allowed.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            ? null
            : $"no allowed network is up (Ota:Download:AllowedInterfaces {string.Join(", ", allowed)}; up: {string.Join(", ", up)})";
    }
}
