using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Who manages the bot. The seed project's setting names are kept so existing deployments carry over.</summary>
public sealed class AdminOptions
{
    /// <summary>The admin token used in <c>admin-command:{token}</c> messages.</summary>
    [ConfigurationKeyName("token")]
    public string? Token { get; set; }

    [ConfigurationKeyName("admin_user_ids")]
    public string? AdminFollowerIds { get; set; }

    [ConfigurationKeyName("white_list_user_ids")]
    public string? WhiteListFollowerIds { get; set; }

    [ConfigurationKeyName("admin_email")]
    public string? AdminEmail { get; set; }

    public IReadOnlySet<string> AdminFollowerIdSet => CommaSeparated.Parse(AdminFollowerIds);

    public IReadOnlySet<string> WhiteListFollowerIdSet => CommaSeparated.Parse(WhiteListFollowerIds);
}
