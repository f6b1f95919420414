namespace WeChatFunctions.Dialog;

internal static class DialogServiceCollectionExtensions
{
    public static IServiceCollection AddDialog(this IServiceCollection services)
    {
        services.AddSingleton<TokenCounter>();
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<ModelRounds>();
        services.AddSingleton<AssistantDialog>();
        return services;
    }
}
