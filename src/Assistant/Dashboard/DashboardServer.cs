using System.Net;
using Car.VehicleBus.Broker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.Assistant.Dashboard;

/// <summary>
/// The dashboard on the network: Kestrel (HTTP/1.1) serving the embedded page and <see cref="DashboardApi"/>, whose
/// handlers use the car's own services (the session, the simulator, the feeds).
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address it listens on, with the real port when 0 was asked for.</summary>
    public Uri Address { get; }

    /// <exception cref="OptionsValidationException">The URL is not one to listen on.</exception>
    public static async Task<DashboardServer> StartAsync(
        IServiceProvider car, DashboardOptions options, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(car);
        ArgumentNullException.ThrowIfNull(options);
        var (url, endpoint) = Validate(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = DashboardApi.MaxBody;
            kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        DashboardAssets.Map(app);
        DashboardApi.Map(app, car);
        return new DashboardServer(app, await StartedWebApp.StartAsync(app, url, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Event streams stay open until the server stops them; they get a moment, not more.</summary>
    public ValueTask DisposeAsync() => StartedWebApp.StopAsync(_app, TimeSpan.FromSeconds(1));

    private static (Uri Url, IPEndPoint Endpoint) Validate(DashboardOptions options)
    {
        var key = $"{DashboardOptions.SectionName}:Url";
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            throw Invalid($"{key}: '{options.Url}' is not an http:// address, e.g. http://127.0.0.1:8080 (empty turns the dashboard off).");
        }

        var address = ListenAddress.Of(url.Host) ?? throw Invalid($"{key}: '{url.Host}' is not an IP address this machine can listen on.");

        if (!IPAddress.IsLoopback(address) && !options.AllowRemote)
        {
            throw Invalid($"{key}: {url} listens beyond loopback; the dashboard has no sign-in and moves the car: set {DashboardOptions.SectionName}:AllowRemote=true to allow it.");
        }

        return (url, new IPEndPoint(address, url.Port));
    }

    private static OptionsValidationException Invalid(string message) => new(Options.DefaultName, typeof(DashboardOptions), [message]);
}
