namespace WeChatFunctions.Mcp;

/// <summary>What the model is told when a call to an MCP tool fails: Chinese, naming the server, never a URL or a token.</summary>
internal static class McpTexts
{
    /// <summary>How much of a server's own error text is passed on; it is for the model, not for a log.</summary>
    public const int MaxErrorCharacters = 300;

    public static string Unreachable(string server) => $"暂时连不上 {server} 服务，这次没能查询。请告诉用户稍后再试。";

    public static string Refused(string server) => $"{server} 服务拒绝了这次调用（参数可能不对，或工具已经变了）。";

    /// <param name="reason">The server's own words, cut short; empty when it gave none.</param>
    public static string ReportedError(string server, string reason) =>
        reason.Length == 0 ? $"{server} 服务报告了错误，没有说明原因。" : $"{server} 服务报告了错误：{reason}";

    /// <summary>The result of a call that succeeded without a word of text.</summary>
    public const string NoText = "（工具没有返回文字结果）";
}
