using WeChatFunctions.WeChat;

namespace WeChatFunctions.Messages;

internal static class MessageHandlingServiceCollectionExtensions
{
    public static IServiceCollection AddMessageHandling(this IServiceCollection services)
    {
        services.AddSingleton<FollowerEvents>();
        services.AddSingleton<IWeChatMessageHandler, AssistantMessageHandler>();
        return services;
    }
}
