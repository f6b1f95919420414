using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The admin dashboard: whether it is served, how long the one-time link an admin asks for stays valid, and whom to believe about a client's address.</summary>
public sealed class DashboardOptions
{
    [ConfigurationKeyName("dashboard_enabled")]
    public bool Enabled { get; set; } = true;

    [ConfigurationKeyName("dashboard_link_minutes")]
    [Range(1, 60, ErrorMessage = "Setting 'dashboard_link_minutes' must be between 1 and 60.")]
    public int LinkMinutes { get; set; } = 10;

    /// <summary>Where the app is reached from outside, such as https://wechat.example.com; empty uses the host the request came to.</summary>
    [ConfigurationKeyName("public_base_url")]
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For is believed; empty believes
    /// no one's, and a client is known by the address it connects from.
    /// </summary>
    [ConfigurationKeyName("trusted_proxies")]
    public string? TrustedProxies { get; set; }
}
