using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>How many questions a follower may ask per day, and where the day starts.</summary>
public sealed class QuotaOptions
{
    public const string DefaultTimeZone = "+08:00";

    /// <summary>Questions per follower per day; 0 means no limit. Whitelisted followers and admins have none.</summary>
    [ConfigurationKeyName("daily_limit")]
    [Range(0, 1_000_000, ErrorMessage = "Setting 'daily_limit' must be between 0 (no limit) and 1000000.")]
    public int DailyLimit { get; set; } = 20;

    /// <summary>A UTC offset such as <c>+08:00</c> (Beijing time), or an IANA time zone such as <c>Asia/Shanghai</c>.</summary>
    [ConfigurationKeyName("quota_timezone")]
    public string TimeZone { get; set; } = DefaultTimeZone;
}
