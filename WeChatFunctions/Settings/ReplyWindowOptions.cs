using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>How the app fits answers into WeChat's 5-second reply window and pages long ones.</summary>
public sealed class ReplyWindowOptions
{
    public const string DefaultContinueKeyword = "继续";

    /// <summary>How long an attempt waits for the answer, from its arrival; WeChat gives up at 5000 ms.</summary>
    [ConfigurationKeyName("reply_deadline_ms")]
    [Range(1000, 4900, ErrorMessage = "Setting 'reply_deadline_ms' must be between 1000 and 4900.")]
    public int ReplyDeadlineMilliseconds { get; set; } = 4500;

    /// <summary>
    /// A generation that shows no progress for this long (plus the leeway a late instance gets) is presumed dead and
    /// taken over by another attempt. The owner beats every half of it; the upper bound leaves WeChat's 15-second
    /// window room for a retry to take over and still answer.
    /// </summary>
    [ConfigurationKeyName("claim_timeout_seconds")]
    [Range(2, 10, ErrorMessage = "Setting 'claim_timeout_seconds' must be between 2 and 10, shorter than WeChat's 15-second retry window.")]
    public int ClaimTimeoutSeconds { get; set; } = 5;

    /// <summary>The word that fetches the next page; 继续, continue and c are always accepted too.</summary>
    [ConfigurationKeyName("continue_keyword")]
    [StringLength(16, ErrorMessage = "Setting 'continue_keyword' must be at most 16 characters.")]
    public string ContinueKeyword { get; set; } = DefaultContinueKeyword;

    /// <summary>How many answers one instance generates at once; more wait their turn, within WeChat's window.</summary>
    [ConfigurationKeyName("max_concurrent_generations")]
    [Range(1, 10_000, ErrorMessage = "Setting 'max_concurrent_generations' must be between 1 and 10000.")]
    public int MaxConcurrentGenerations { get; set; } = 64;

    /// <summary>A generation still running after this long is abandoned, its charge refunded and the follower told.</summary>
    [ConfigurationKeyName("generation_timeout_seconds")]
    [Range(1, 3600, ErrorMessage = "Setting 'generation_timeout_seconds' must be between 1 and 3600.")]
    public int GenerationTimeoutSeconds { get; set; } = 120;

    public TimeSpan ReplyDeadline => TimeSpan.FromMilliseconds(ReplyDeadlineMilliseconds);

    public TimeSpan GenerationTimeout => TimeSpan.FromSeconds(GenerationTimeoutSeconds);

    public TimeSpan ClaimTimeout => TimeSpan.FromSeconds(ClaimTimeoutSeconds);
}
