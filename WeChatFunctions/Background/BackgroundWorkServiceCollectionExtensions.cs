namespace WeChatFunctions.Background;

internal static class BackgroundWorkServiceCollectionExtensions
{
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundWork>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundWork>());
        return services;
    }
}
