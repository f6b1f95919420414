using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Mcp;

/// <summary>A session for each server <c>mcp_servers</c> names, in its order, closed when the app stops.</summary>
internal sealed class McpServers(IOptions<McpOptions> options, IOptions<ToolOptions> tools, IHttpClientFactory httpClients, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    public IReadOnlyList<McpServerSession> Sessions { get; } =
        [.. options.Value.ServerList.Select(server => new McpServerSession(server, httpClients, tools.Value.Timeout, loggerFactory))];

    public async ValueTask DisposeAsync()
    {
        foreach (var session in Sessions)
        {
            await session.DisposeAsync();
        }
    }
}
