using ModelContextProtocol.Protocol;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Mcp;

/// <summary>
/// The tools of the operator's MCP servers as last listed. <see cref="Tools"/> answers from memory; the refresher
/// publishes each server's listing, and withdraws it while the server cannot be reached.
/// </summary>
internal sealed class McpToolSource(McpServers servers) : IToolSource
{
    private readonly Lock _publishing = new();
    private readonly Dictionary<McpServerSession, IReadOnlyList<Tool>> _listings = [];
    private IReadOnlyList<IAssistantTool> _tools = [];

    public IReadOnlyList<IAssistantTool> Tools => Volatile.Read(ref _tools);

    /// <param name="listing">The tools the server offers that its <c>mcp_{name}_tools</c> allows.</param>
    public void Publish(McpServerSession session, IReadOnlyList<Tool> listing) => Change(listings => listings[session] = listing);

    public void Withdraw(McpServerSession session) => Change(listings => listings.Remove(session));

    /// <summary>Names are given in the order of <c>mcp_servers</c>, so a tool keeps its name whichever server answers first.</summary>
    private void Change(Action<Dictionary<McpServerSession, IReadOnlyList<Tool>>> change)
    {
        lock (_publishing)
        {
            change(_listings);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            IReadOnlyList<IAssistantTool> tools =
            [
                .. servers.Sessions
                    .Where(_listings.ContainsKey)
                    .SelectMany(session => _listings[session].Select(tool => new McpTool(session, tool, McpToolNames.Assign(session.Server.Name, tool.Name, taken)))),
            ];
            Volatile.Write(ref _tools, tools);
        }
    }
}
