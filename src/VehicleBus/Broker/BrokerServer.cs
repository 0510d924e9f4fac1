using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Car.VehicleBus.Broker;

/// <summary>
/// The broker on the network: Kestrel serving kuksa.val.v2 over HTTP/2 (h2c, or TLS for <c>https://</c>) for one
/// <see cref="VehicleBroker"/>. Authorization is on when a public key is configured, and a key is required for any
/// address beyond loopback.
/// </summary>
public sealed class BrokerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly KuksaTokenValidator? _tokens;

    private BrokerServer(WebApplication app, KuksaTokenValidator? tokens, Uri address)
    {
        _app = app;
        _tokens = tokens;
        Address = address;
    }

    /// <summary>The address it listens on, with the real port when 0 was asked for.</summary>
    public Uri Address { get; }

    /// <exception cref="OptionsValidationException">The options do not allow a start (a key missing beyond loopback, TLS files missing).</exception>
    public static async Task<BrokerServer> StartAsync(
        VehicleBroker broker, BrokerOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(options);
        var (url, endpoint) = Validate(options);
        var tokens = options.JwtPublicKeyFile is { Length: > 0 } keyFile
            ? new KuksaTokenValidator(await File.ReadAllTextAsync(keyFile, cancellationToken).ConfigureAwait(false), TimeProvider.System)
            : null;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endpoint, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (url.Scheme == Uri.UriSchemeHttps)
                {
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(options.TlsCertificateFile!, options.TlsKeyFile));
                }
            });
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(broker);
        builder.Services.AddSingleton(new BrokerAuthorization(tokens));
        var app = builder.Build();
        app.MapGrpcService<KuksaValService>();
        try
        {
            return new BrokerServer(app, tokens, await StartedWebApp.StartAsync(app, url, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            tokens?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StartedWebApp.StopAsync(_app, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        finally
        {
            _tokens?.Dispose();
        }
    }

    /// <summary>True when the URL's host is a loopback address (or <c>localhost</c>).</summary>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static (Uri Url, IPEndPoint Endpoint) Validate(BrokerOptions options)
    {
        var key = $"{BrokerOptions.SectionName}:Url";
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw Invalid($"{key}: '{options.Url}' is not an http:// or https:// address, e.g. http://127.0.0.1:55555.");
        }

        var address = ListenAddress.Of(url.Host) ?? throw Invalid($"{key}: '{url.Host}' is not an IP address this machine can listen on.");

        if (!IsLoopback(url) && string.IsNullOrEmpty(options.JwtPublicKeyFile))
        {
            throw Invalid($"{key}: {url} listens beyond loopback, which needs authorization: set {BrokerOptions.SectionName}:JwtPublicKeyFile.");
        }

        if (options.JwtPublicKeyFile is { Length: > 0 } keyFile && !File.Exists(keyFile))
        {
            throw Invalid($"{BrokerOptions.SectionName}:JwtPublicKeyFile: '{keyFile}' does not exist.");
        }

        if (url.Scheme == Uri.UriSchemeHttps && (!File.Exists(options.TlsCertificateFile) || !File.Exists(options.TlsKeyFile)))
        {
            throw Invalid($"{key}: https needs {BrokerOptions.SectionName}:TlsCertificateFile and TlsKeyFile (PEM files that exist).");
        }

        return (url, new IPEndPoint(address, url.Port));
    }

    private static OptionsValidationException Invalid(string message) =>
        new(Options.DefaultName, typeof(BrokerOptions), [message]);
}
