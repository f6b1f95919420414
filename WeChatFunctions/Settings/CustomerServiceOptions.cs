using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>How answers reach the follower: passive replies only, or customer-service messages through WeChat's API.</summary>
public sealed class CustomerServiceOptions
{
    public const string Passive = "passive";

    public const string CustomerService = "customer_service";

    public const string Auto = "auto";

    public const string DefaultApiBase = "https://api.weixin.qq.com";

    /// <summary>
    /// <c>passive</c>: every answer goes out as replies to the follower's messages, paged with 「继续」.
    /// <c>customer_service</c>: the push is acknowledged at once and the finished answer sent as customer-service messages.
    /// <c>auto</c>: a passive reply while the answer fits the window, customer-service messages for the rest.
    /// </summary>
    [ConfigurationKeyName("reply_mode")]
    [RegularExpression("^(passive|customer_service|auto)$", ErrorMessage = "Setting 'reply_mode' must be passive, customer_service or auto.")]
    public string ReplyMode { get; set; } = Passive;

    /// <summary>WeChat allows 5 customer-service messages within 48 hours of a follower's message; an answer uses at most this many.</summary>
    [ConfigurationKeyName("max_pushed_messages")]
    [Range(1, 5, ErrorMessage = "Setting 'max_pushed_messages' must be between 1 and 5: WeChat allows 5 customer-service messages per follower message.")]
    public int MaxPushedMessages { get; set; } = 3;

    /// <summary>The AppID, the same setting as <see cref="WeChatOptions.AppId"/>: the access token is issued for it.</summary>
    [ConfigurationKeyName("wechat_app_id")]
    public string? AppId { get; set; }

    /// <summary>The AppSecret (开发者密码) from 微信开发者平台: a secret, used only to get the access token.</summary>
    [ConfigurationKeyName("wechat_app_secret")]
    public string? AppSecret { get; set; }

    /// <summary>The base URL of WeChat's server API; tests and the simulator point it at a stand-in.</summary>
    [ConfigurationKeyName("wechat_api_base")]
    public string ApiBase { get; set; } = DefaultApiBase;

    public bool PushesAnswers => ReplyMode is CustomerService or Auto;

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);

    public Uri ApiBaseUri => new(ApiBase.TrimEnd('/') + "/");
}
