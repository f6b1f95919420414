using Microsoft.Extensions.DependencyInjection.Extensions;
using WeChatFunctions.Admin;

namespace WeChatFunctions.Dashboard;

internal static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(ClientAddressSource.Socket);
        services.AddSingleton<ClientAddresses>();
        services.AddSingleton<DashboardAccess>();
        services.AddSingleton<IDashboardLinks, DashboardLinks>();
        services.AddSingleton<DashboardData>();
        services.AddSingleton<DashboardPage>();
        services.AddSingleton<DashboardEndpoint>();
        return services;
    }
}
