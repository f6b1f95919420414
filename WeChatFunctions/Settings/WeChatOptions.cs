using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The account's server configuration from the WeChat admin console (服务器配置).</summary>
public sealed class WeChatOptions
{
    [ConfigurationKeyName("wechat_token")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "Setting 'wechat_token' is required: the Token from the WeChat admin console's server configuration.")]
    [RegularExpression("^[A-Za-z0-9]{3,32}$", ErrorMessage = "Setting 'wechat_token' must be 3 to 32 letters or digits, as the WeChat admin console requires.")]
    public string Token { get; set; } = "";
}
