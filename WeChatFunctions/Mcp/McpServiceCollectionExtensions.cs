using WeChatFunctions.Tools;

namespace WeChatFunctions.Mcp;

internal static class McpServiceCollectionExtensions
{
    /// <summary>The operator's MCP servers as a source of tools, listed in the background; their clients log no requests, which carry tokens.</summary>
    public static IServiceCollection AddMcp(this IServiceCollection services)
    {
        services.AddHttpClient(McpServerSession.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<McpServers>();
        services.AddSingleton<McpToolSource>();
        services.AddSingleton<IToolSource>(provider => provider.GetRequiredService<McpToolSource>());
        services.AddHostedService<McpToolRefresher>();
        return services;
    }
}
