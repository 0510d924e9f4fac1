using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Car.VehicleBus.Broker;

/// <summary>Starting and stopping a Kestrel app that serves one URL (the broker's, the dashboard's).</summary>
public static class StartedWebApp
{
    /// <summary>
    /// Starts <paramref name="app"/>, disposing it when it cannot start, and returns <paramref name="requested"/> with the
    /// port it listens on (port 0 has the system pick one).
    /// </summary>
    public static async Task<Uri> StartAsync(WebApplication app, Uri requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(requested);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UriBuilder(requested) { Port = new Uri(bound).Port }.Uri;
    }

    /// <summary>Stops <paramref name="app"/>, giving open streams at most <paramref name="grace"/>, then disposes it.</summary>
    public static async ValueTask StopAsync(WebApplication app, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            using var limit = new CancellationTokenSource(grace);
            await app.StopAsync(limit.Token).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
