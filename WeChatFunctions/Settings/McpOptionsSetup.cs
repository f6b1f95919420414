using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>
/// Completes <see cref="McpOptions"/> with each server's own settings, whose names hold the server's name and so do
/// not fit the binder: <c>mcp_{name}_token</c> and <c>mcp_{name}_tools</c>.
/// </summary>
internal sealed class McpOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<McpOptions>, IValidateOptions<McpOptions>
{
    private const string TokenSetting = "mcp_{name}_token";

    private const string ToolsSetting = "mcp_{name}_tools";

    public void PostConfigure(string? name, McpOptions options) =>
        options.ServerList = [.. McpServerEntries.Parse(options.Servers).Entries.Select(entry => Read(entry.Name, entry.Endpoint))];

    public ValidateOptionsResult Validate(string? name, McpOptions options) =>
        McpServerEntries.Parse(options.Servers).Problem is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    private McpServerSettings Read(string server, Uri endpoint)
    {
        var token = configuration[SettingOf(TokenSetting, server)];
        var tools = CommaSeparated.Parse(configuration[SettingOf(ToolsSetting, server)]);
        return new McpServerSettings(server, endpoint, string.IsNullOrWhiteSpace(token) ? null : token.Trim(), tools.Count == 0 ? null : tools);
    }

    private static string SettingOf(string pattern, string server) => pattern.Replace("{name}", server, StringComparison.Ordinal);
}
