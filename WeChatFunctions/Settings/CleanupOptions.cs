using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>What the periodic cleanup removes.</summary>
public sealed class CleanupOptions
{
    /// <summary>Conversation turns older than this are deleted.</summary>
    [ConfigurationKeyName("history_retention_days")]
    [Range(1, 3650)]
    public int HistoryRetentionDays { get; set; } = 30;

    /// <summary>Standalone (no Functions host, so no timer trigger), the cleanup runs in process this often.</summary>
    [ConfigurationKeyName("cleanup_interval_minutes")]
    [Range(1, 1440)]
    public int StandaloneIntervalMinutes { get; set; } = 10;
}
