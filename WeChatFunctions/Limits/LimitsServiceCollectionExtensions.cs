namespace WeChatFunctions.Limits;

internal static class LimitsServiceCollectionExtensions
{
    public static IServiceCollection AddLimits(this IServiceCollection services)
    {
        services.AddSingleton<QuotaDays>();
        services.AddSingleton<Quota>();
        services.AddSingleton<PictureQuota>();
        services.AddSingleton<AccountBudget>();
        services.AddHostedService(provider => provider.GetRequiredService<AccountBudget>());
        return services;
    }
}
