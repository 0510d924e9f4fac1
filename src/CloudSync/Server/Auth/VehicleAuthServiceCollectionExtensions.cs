using Car.CloudSync.Server.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class VehicleAuthServiceCollectionExtensions
{
    /// <summary>Vehicle tokens from <paramref name="section"/> and the interceptor that checks them.</summary>
    public static IServiceCollection AddVehicleAuth(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<VehicleAuthOptions>()
            .Bind(section)
            .Validate(o => o.VehicleTokens.All(p => !string.IsNullOrWhiteSpace(p.Value)), "Auth:VehicleTokens: every vehicle needs a non-empty token.")
            .ValidateOnStart();
        services.TryAddSingleton<VehicleAuthInterceptor>();
        services.AddHostedService<VehicleAuthStartupNotice>();
        return services;
    }
}
