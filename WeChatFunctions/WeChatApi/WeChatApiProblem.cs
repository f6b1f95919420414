namespace WeChatFunctions.WeChatApi;

/// <summary>What a failed WeChat API call means for the app, from its <c>errcode</c>.</summary>
internal enum WeChatApiProblem
{
    /// <summary>40001, 42001, 40014: the access token is invalid or expired; refresh once and retry.</summary>
    TokenInvalid,

    /// <summary>40164: the caller's IP is not on the account's whitelist.</summary>
    IpNotWhitelisted,

    /// <summary>45015: the 48-hour window after the follower's message is closed.</summary>
    WindowClosed,

    /// <summary>45047: the customer-service messages allowed for the follower's message are used up.</summary>
    QuotaUsedUp,

    /// <summary>48001: the account is not authorised for the API.</summary>
    NotAuthorised,

    /// <summary>45009: the account's daily API call quota is reached.</summary>
    DailyLimitReached,

    /// <summary>40013, 40125, 41004: the AppID or AppSecret is wrong.</summary>
    BadCredentials,

    /// <summary>-1, an HTTP error or no answer: try again later.</summary>
    Unavailable,

    /// <summary>Any other code.</summary>
    Other,
}

internal static class WeChatApiProblems
{
    public static WeChatApiProblem Of(int errorCode) => errorCode switch
    {
        40001 or 42001 or 40014 => WeChatApiProblem.TokenInvalid,
        40164 => WeChatApiProblem.IpNotWhitelisted,
        45015 => WeChatApiProblem.WindowClosed,
        45047 => WeChatApiProblem.QuotaUsedUp,
        48001 => WeChatApiProblem.NotAuthorised,
        45009 => WeChatApiProblem.DailyLimitReached,
        40013 or 40125 or 41004 => WeChatApiProblem.BadCredentials,
        -1 => WeChatApiProblem.Unavailable,
        _ => WeChatApiProblem.Other,
    };

    /// <summary>Problems of the account, not of one follower or one moment: until an admin fixes them, every call fails.</summary>
    public static bool IsAccountWide(this WeChatApiProblem problem) =>
        problem is WeChatApiProblem.IpNotWhitelisted or WeChatApiProblem.NotAuthorised or WeChatApiProblem.BadCredentials or WeChatApiProblem.DailyLimitReached;

    /// <summary>What an admin reads in get_stat and get_config, and what to do about it.</summary>
    public static string Describe(this WeChatApiProblem problem) => problem switch
    {
        WeChatApiProblem.TokenInvalid => "access_token 无效或已过期，已自动刷新",
        WeChatApiProblem.IpNotWhitelisted => "服务器出口 IP 不在白名单：请在微信开发者平台的「IP 白名单」中加入它（见 README「客服消息」）",
        WeChatApiProblem.WindowClosed => "粉丝最后一条消息已超过 48 小时，客服消息无法送达",
        WeChatApiProblem.QuotaUsedUp => "这条消息可用的客服消息条数已用完",
        WeChatApiProblem.NotAuthorised => "公众号没有客服消息接口权限（需认证服务号或已开通权限的订阅号），已改用被动回复",
        WeChatApiProblem.DailyLimitReached => "今天的接口调用次数已用完",
        WeChatApiProblem.BadCredentials => "wechat_app_id 或 wechat_app_secret 不正确",
        WeChatApiProblem.Unavailable => "微信接口暂时不可用，稍后重试",
        _ => "微信接口返回了其他错误",
    };
}
