namespace WeChatFunctions.Statistics;

internal static class StatisticsServiceCollectionExtensions
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsRecorder>();
        services.AddSingleton<StatisticsView>();
        return services;
    }
}
