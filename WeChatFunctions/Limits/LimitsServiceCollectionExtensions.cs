namespace WeChatFunctions.Limits;

internal static class LimitsServiceCollectionExtensions
{
    public static IServiceCollection AddLimits(this IServiceCollection services)
    {
        services.AddSingleton<QuotaDays>();
        services.AddSingleton<Quota>();
        return services;
    }
}
