using Microsoft.Extensions.Options;

namespace Car.CloudSync.Server.Auth;

/// <summary>Says once, at start, when the server accepts every vehicle because no tokens are configured.</summary>
internal sealed partial class VehicleAuthStartupNotice(IOptions<VehicleAuthOptions> options, ILogger<VehicleAuthStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.VehicleTokens.Count == 0)
        {
            Log.AnyVehicleAccepted(logger);
        }
        else
        {
            Log.TokensConfigured(logger, options.Value.VehicleTokens.Count);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "No Auth:VehicleTokens configured: the server accepts any vehicle without a token (development only).")]
        public static partial void AnyVehicleAccepted(ILogger logger);

        [LoggerMessage(2, LogLevel.Information, "Vehicle tokens configured for {Count} vehicle(s).")]
        public static partial void TokensConfigured(ILogger logger, int count);
    }
}
