using WeChatFunctions.WeChat;

namespace WeChatFunctions.Conversations;

internal static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<AssistantDialog>();
        services.AddSingleton<IWeChatMessageHandler, AssistantMessageHandler>();
        return services;
    }
}
