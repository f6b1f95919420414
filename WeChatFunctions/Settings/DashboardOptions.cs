using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The admin dashboard: whether it is served, and how long the one-time link an admin asks for stays valid.</summary>
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
}
