using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Which tools the model may call while it answers, and how far it may go with them.</summary>
public sealed class ToolOptions
{
    /// <summary>The built-in tools that need no configuration and cost nothing.</summary>
    public const string DefaultTools = "current_time,read_link,remember";

    /// <summary>Turns every built-in tool off.</summary>
    public const string NoTools = "none";

    /// <summary>The built-in tools the model may call, comma-separated, or <c>none</c>; empty means the default. MCP tools come from <c>mcp_servers</c>.</summary>
    [ConfigurationKeyName("tools")]
    public string? Tools { get; set; } = DefaultTools;

    public IReadOnlySet<string> ToolList => Tools?.Trim() == NoTools ? new HashSet<string>() : CommaSeparated.Parse(Tools);

    /// <summary>How many rounds of tool calls one answer may take before the model must answer with what it has.</summary>
    [ConfigurationKeyName("max_tool_rounds")]
    [Range(0, 10, ErrorMessage = "Setting 'max_tool_rounds' must be between 0 and 10.")]
    public int MaxToolRounds { get; set; } = 3;

    /// <summary>How long one tool call may take; past it the model is told it timed out.</summary>
    [ConfigurationKeyName("tool_timeout_seconds")]
    [Range(1, 120, ErrorMessage = "Setting 'tool_timeout_seconds' must be between 1 and 120.")]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>A tool result longer than this is cut, so that a page or a search cannot fill the prompt.</summary>
    [ConfigurationKeyName("max_tool_result_chars")]
    [Range(200, MaxStoredCharacters, ErrorMessage = "Setting 'max_tool_result_chars' must be between 200 and 30000.")]
    public int MaxResultCharacters { get; set; } = 4000;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>A result is stored with its call, and a Table Storage string property holds 32K characters.</summary>
    public const int MaxStoredCharacters = 30_000;
}
