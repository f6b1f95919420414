using WeChatFunctions.WeChat;

namespace WeChatFunctions.Conversations;

internal static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundWork>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundWork>());
        services.AddSingleton<AssistantDialog>();
        services.AddSingleton<Quota>();
        services.AddSingleton<Cleanup>();
        services.AddSingleton<Statistics>();
        services.AddSingleton<StatisticsView>();
        services.AddSingleton<AdminGate>();
        services.AddSingleton<AdminConfigView>();
        services.AddSingleton<AdminCommands>();
        services.AddSingleton<UserCommands>();
        services.AddSingleton<LiveAnswers>();
        services.AddSingleton<AnswerGenerator>();
        services.AddSingleton<AnswerWatcher>();
        services.AddSingleton<ReplyPager>();
        services.AddSingleton<ContinueKeywords>();
        services.AddSingleton<ReplyWindow>();
        services.AddSingleton<ImageInbox>();
        services.AddHttpClient<ImageDownloader>();
        services.AddSingleton<IWeChatMessageHandler, AssistantMessageHandler>();
        return services;
    }
}
