namespace WeChatFunctions.Commands;

internal static class FollowerCommandsServiceCollectionExtensions
{
    public static IServiceCollection AddFollowerCommands(this IServiceCollection services)
    {
        services.AddSingleton<FollowerCommandRunner>();
        services.AddSingleton<MemoryCommand>();
        return services;
    }
}
