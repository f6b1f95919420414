using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The account's server configuration from the WeChat admin console (服务器配置).</summary>
public sealed class WeChatOptions
{
    private const string EncodingAesKeyPattern = "^[A-Za-z0-9+/]{43}$";

    [ConfigurationKeyName("wechat_token")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "Setting 'wechat_token' is required: the Token from the WeChat admin console's server configuration.")]
    [RegularExpression("^[A-Za-z0-9]{3,32}$", ErrorMessage = "Setting 'wechat_token' must be 3 to 32 letters or digits, as the WeChat admin console requires.")]
    public string Token { get; set; } = "";

    /// <summary>
    /// A push whose timestamp is further than this from now is refused, so that a captured request cannot be replayed
    /// later; WeChat's own retries carry the first attempt's timestamp and come within 15 s. 0 turns the check off.
    /// </summary>
    [ConfigurationKeyName("max_clock_skew_seconds")]
    [Range(0, 86_400, ErrorMessage = "Setting 'max_clock_skew_seconds' must be between 0 (no check) and 86400.")]
    public int MaxClockSkewSeconds { get; set; } = 300;

    /// <summary>The AppID (开发者ID); encrypted pushes carry it, and one for another account is refused.</summary>
    [ConfigurationKeyName("wechat_app_id")]
    public string? AppId { get; set; }

    /// <summary>The EncodingAESKey for compat and safe mode; without it only plain mode is served.</summary>
    [ConfigurationKeyName("wechat_encoding_aes_key")]
    [RegularExpression(EncodingAesKeyPattern, ErrorMessage = "Setting 'wechat_encoding_aes_key' must be the 43 letters and digits of the EncodingAESKey from the WeChat admin console.")]
    public string? EncodingAesKey { get; set; }

    /// <summary>
    /// Whether plain pushes are still served when a key is set. The plain <c>signature</c> does not cover the body, so
    /// anyone holding one signed query string could post any body under it; with a key set, only the minutes of a
    /// switch from plain to safe mode in the WeChat console need this.
    /// </summary>
    [ConfigurationKeyName("wechat_accept_plaintext")]
    public bool AcceptPlaintext { get; set; }

    /// <summary>The key before the last change in the admin console, for pushes still encrypted with it.</summary>
    [ConfigurationKeyName("wechat_encoding_aes_key_previous")]
    [RegularExpression(EncodingAesKeyPattern, ErrorMessage = "Setting 'wechat_encoding_aes_key_previous' must be the 43 letters and digits of an EncodingAESKey.")]
    public string? PreviousEncodingAesKey { get; set; }
}
