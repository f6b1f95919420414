namespace WeChatFunctions.Mcp;

internal static partial class McpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "MCP server {Server} offers {Count} tools to the model: {Tools}.")]
    public static partial void Listed(ILogger logger, string server, int count, string tools);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP server {Server} does not offer {Tools}, which its tools setting names.")]
    public static partial void NotOffered(ILogger logger, string server, string tools);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MCP server {Server} could not be listed; its tools are not offered until it can, tried again in {Delay}.")]
    public static partial void ListingFailed(ILogger logger, string server, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server {Server} still could not be listed; tried again in {Delay}.")]
    public static partial void ListingStillFailing(ILogger logger, string server, TimeSpan delay, Exception exception);
}
