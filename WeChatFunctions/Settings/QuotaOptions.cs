using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>How much a follower, and the whole account, may use per day and per minute, and where the day starts.</summary>
public sealed class QuotaOptions
{
    public const string DefaultTimeZone = "+08:00";

    /// <summary>Questions per follower per day; 0 means no limit. Whitelisted followers and admins have none.</summary>
    [ConfigurationKeyName("daily_limit")]
    [Range(0, 1_000_000, ErrorMessage = "Setting 'daily_limit' must be between 0 (no limit) and 1000000.")]
    public int DailyLimit { get; set; } = 20;

    /// <summary>Prompt plus completion tokens per follower per day; 0 means no limit. Whitelisted followers and admins have none.</summary>
    [ConfigurationKeyName("daily_token_limit")]
    [Range(0, long.MaxValue, ErrorMessage = "Setting 'daily_token_limit' must be 0 (no limit) or more.")]
    public long DailyTokenLimit { get; set; }

    /// <summary>
    /// Tokens for the whole account per day; once used, only whitelisted followers and admins are answered. The default
    /// keeps a leaked or viral account from spending without end (about 1 USD a day at gpt-4o-mini's prices); 0 means
    /// no limit.
    /// </summary>
    [ConfigurationKeyName("global_daily_token_limit")]
    [Range(0, long.MaxValue, ErrorMessage = "Setting 'global_daily_token_limit' must be 0 (no limit) or more.")]
    public long GlobalDailyTokenLimit { get; set; } = DefaultGlobalDailyTokenLimit;

    public const long DefaultGlobalDailyTokenLimit = 1_000_000;

    /// <summary>Questions per follower in any 60 seconds; 0 means no limit. Whitelisted followers and admins have none.</summary>
    [ConfigurationKeyName("rate_limit_per_minute")]
    [Range(0, 600, ErrorMessage = "Setting 'rate_limit_per_minute' must be between 0 (no limit) and 600.")]
    public int RateLimitPerMinute { get; set; } = 6;

    /// <summary>A UTC offset such as <c>+08:00</c> (Beijing time), or an IANA time zone such as <c>Asia/Shanghai</c>.</summary>
    [ConfigurationKeyName("quota_timezone")]
    public string TimeZone { get; set; } = DefaultTimeZone;
}
