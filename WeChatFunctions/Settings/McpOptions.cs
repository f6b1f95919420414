using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The operator's own MCP servers, whose tools the model may call beside the built-in ones.</summary>
public sealed class McpOptions
{
    /// <summary><c>name=url</c> pairs, comma-separated, each a Streamable HTTP endpoint; empty uses none.</summary>
    [ConfigurationKeyName("mcp_servers")]
    public string? Servers { get; set; }

    /// <summary>How often each server's tools are listed again, so that a tool added or removed there shows here.</summary>
    [ConfigurationKeyName("mcp_refresh_minutes")]
    [Range(1, 1440, ErrorMessage = "Setting 'mcp_refresh_minutes' must be between 1 and 1440.")]
    public int RefreshMinutes { get; set; } = 10;

    /// <summary>The servers <see cref="Servers"/> names, with their tokens and tool lists; filled by <see cref="McpOptionsSetup"/>.</summary>
    internal IReadOnlyList<McpServerSettings> ServerList { get; set; } = [];

    public TimeSpan RefreshInterval => TimeSpan.FromMinutes(RefreshMinutes);
}
