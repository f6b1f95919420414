using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WeChatFunctions.Statistics;

internal static class StatisticsServiceCollectionExtensions
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.TryAddSingleton(StatisticsFlush.EverySecond);
        services.AddSingleton<StatisticsTally>();
        services.AddHostedService(provider => provider.GetRequiredService<StatisticsTally>());
        services.AddSingleton<StatisticsRecorder>();
        services.AddSingleton<StatisticsView>();
        return services;
    }
}
