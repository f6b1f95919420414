using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using WeChatFunctions.Text;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Mcp;

/// <summary>A tool of one of the operator's MCP servers, offered to the model under a name unique across servers.</summary>
internal sealed class McpTool(McpServerSession session, Tool tool, string name) : IAssistantTool
{
    /// <summary>The server's description and input schema, as the server gave them.</summary>
    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(name, tool.Description ?? tool.Title ?? tool.Name, tool.InputSchema);

    public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var server = session.Server.Name;
        CallToolResult result;
        try
        {
            result = await session.CallToolAsync(tool.Name, Arguments(invocation.Arguments), cancellationToken);
        }
        catch (McpProtocolException exception)
        {
            throw new ToolFailedException(McpTexts.Refused(server), exception);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ToolFailedException(McpTexts.Unreachable(server), exception);
        }

        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        if (result.IsError == true)
        {
            throw new ToolFailedException(McpTexts.ReportedError(server, ShortText.Of(text.Trim(), McpTexts.MaxErrorCharacters)));
        }

        return new ToolResult(text.Length > 0 ? text : result.StructuredContent?.GetRawText() ?? McpTexts.NoText);
    }

    private static Dictionary<string, JsonElement> Arguments(JsonElement arguments) =>
        arguments.ValueKind == JsonValueKind.Object ? arguments.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone()) : [];
}
