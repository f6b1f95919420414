namespace WeChatFunctions.Cleanup;

internal static class CleanupServiceCollectionExtensions
{
    public static IServiceCollection AddCleanup(this IServiceCollection services)
    {
        services.AddSingleton<ExpiredDataCleanup>();
        return services;
    }
}
