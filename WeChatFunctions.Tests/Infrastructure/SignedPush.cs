using System.Globalization;
using System.Security;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// A push as WeChat would send it, built to read like the protocol:
/// <c>SignedPush.Text("你好").From(follower)</c>. Signing happens when a <see cref="WeChatClient"/> sends it.
/// </summary>
public sealed record SignedPush
{
    public const string AccountId = "gh_wechatfunctions";

    private SignedPush(string messageType, string fields)
    {
        MessageType = messageType;
        Fields = fields;
    }

    public string MessageType { get; }

    public string Fields { get; }

    public string FollowerId { get; init; } = "o_anonymous";

    public long CreateTime { get; init; } = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Signing Signing { get; init; } = Signing.Valid;

    /// <summary>A body sent as is, in place of the one built from the fields.</summary>
    public string? RawBody { get; init; }

    public string Body => RawBody ?? string.Create(
        CultureInfo.InvariantCulture,
        $"<xml><ToUserName><![CDATA[{AccountId}]]></ToUserName><FromUserName><![CDATA[{FollowerId}]]></FromUserName><CreateTime>{CreateTime}</CreateTime><MsgType><![CDATA[{MessageType}]]></MsgType>{Fields}</xml>");

    public static SignedPush Text(string content, long? messageId = null) =>
        new("text", $"<Content><![CDATA[{content}]]></Content><MsgId>{messageId ?? Random.Shared.NextInt64(1, long.MaxValue)}</MsgId>");

    public static SignedPush Event(string eventName) => new("event", $"<Event><![CDATA[{SecurityElement.Escape(eventName)}]]></Event>");

    public static SignedPush OfType(string messageType, string fields) => new(messageType, fields);

    public static SignedPush Raw(string body) => new("raw", "") { RawBody = body };

    public SignedPush From(string followerId) => this with { FollowerId = followerId };

    public SignedPush Forged() => this with { Signing = Signing.Forged };

    public SignedPush Unsigned() => this with { Signing = Signing.None };
}

public enum Signing
{
    Valid,
    Forged,
    None,
}
