namespace WeChatFunctions.Settings;

/// <summary>
/// One MCP server from <c>mcp_servers</c>. A class rather than a record, so that no generated ToString ever prints the
/// token.
/// </summary>
internal sealed class McpServerSettings(string name, Uri endpoint, string? token, IReadOnlySet<string>? allowedTools)
{
    /// <summary>The operator's name for the server, which also prefixes its tools' names.</summary>
    public string Name { get; } = name;

    public Uri Endpoint { get; } = endpoint;

    /// <summary>Sent as <c>Authorization: Bearer</c>, to this server only; <see langword="null"/> sends none.</summary>
    public string? Token { get; } = token;

    /// <summary>The server's own names of the tools the model may use; <see langword="null"/> for all of them.</summary>
    public IReadOnlySet<string>? AllowedTools { get; } = allowedTools;

    public bool Allows(string tool) => AllowedTools is null || AllowedTools.Contains(tool);

    public override string ToString() => Name;
}
