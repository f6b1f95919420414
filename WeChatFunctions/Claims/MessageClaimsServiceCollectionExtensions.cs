namespace WeChatFunctions.Claims;

internal static class MessageClaimsServiceCollectionExtensions
{
    public static IServiceCollection AddMessageClaims(this IServiceCollection services)
    {
        services.AddSingleton<MessageClaims>();
        return services;
    }
}
