using Microsoft.Extensions.DependencyInjection.Extensions;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Statistics;

internal static class StatisticsServiceCollectionExtensions
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.TryAddSingleton(StatisticsFlush.EverySecond);
        services.AddSingleton<StatisticsTally>();
        services.AddHostedService(provider => provider.GetRequiredService<StatisticsTally>());
        services.AddSingleton<StatisticsRecorder>();
        services.AddSingleton<IToolCallCounter>(provider => provider.GetRequiredService<StatisticsRecorder>());
        services.AddSingleton<StatisticsView>();
        services.AddSingleton<SpendHistory>();
        return services;
    }
}
