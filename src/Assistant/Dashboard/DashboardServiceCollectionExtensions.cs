using Car.Assistant.Dashboard;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Serves the developer dashboard on <see cref="DashboardOptions.Url"/> (section <c>Dashboard</c>) for the host's
    /// lifetime: the cabin live, a session to talk to, the voice session's talk button, scenario and fault controls,
    /// the request log from the turns' spans. <see cref="DashboardEndpoint"/> tells where it listens. Needs the assistant (<c>AddCarAssistant</c>).
    /// </summary>
    public static IServiceCollection AddCarDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DashboardEndpoint>();
        services.TryAddSingleton<DashboardEvents>();
        services.TryAddSingleton<TurnLog>();
        services.TryAddSingleton<TalkFeed>();
        services.TryAddSingleton<DashboardSession>();
        services.TryAddSingleton<CabinFeed>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, CabinFeed>(sp => sp.GetRequiredService<CabinFeed>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, DashboardHostedService>());
        return services;
    }
}
