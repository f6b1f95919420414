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

    /// <summary>When WeChat stamped the request (its <c>timestamp</c>); now when not set.</summary>
    public DateTimeOffset? StampedAt { get; init; }

    /// <summary>WeChat's <c>nonce</c>; a fresh random one per send when not set.</summary>
    public string? Nonce { get; init; }

    /// <summary>A body sent as is, in place of the one built from the fields.</summary>
    public string? RawBody { get; init; }

    /// <summary>The account's key and AppId when the push is encrypted (safe or compat mode).</summary>
    public WeChatCipher? Cipher { get; init; }

    /// <summary>Compat mode sends the plain fields beside <c>Encrypt</c>; safe mode only ToUserName.</summary>
    public bool IsCompat { get; init; }

    /// <summary>How <c>Encrypt</c> is made from the message; a test replaces it to tamper, and the result is still signed.</summary>
    public Func<WeChatCipher, string, string> MakeEncrypt { get; init; } = (cipher, message) => cipher.Encrypt(message);

    public string Body => RawBody ?? string.Create(
        CultureInfo.InvariantCulture,
        $"<xml><ToUserName><![CDATA[{AccountId}]]></ToUserName><FromUserName><![CDATA[{FollowerId}]]></FromUserName><CreateTime>{CreateTime}</CreateTime><MsgType><![CDATA[{MessageType}]]></MsgType>{Fields}</xml>");

    public static SignedPush Text(string content, long? messageId = null) =>
        new("text", $"<Content><![CDATA[{content}]]></Content><MsgId>{messageId ?? Random.Shared.NextInt64(1, long.MaxValue)}</MsgId>");

    public static SignedPush Event(string eventName, string extraFields = "") =>
        new("event", $"<Event><![CDATA[{SecurityElement.Escape(eventName)}]]></Event>{extraFields}");

    /// <param name="recognition">WeChat's transcript, present only when the account has speech recognition on.</param>
    /// <param name="mediaId">What fetches the voice with <c>media/get</c>.</param>
    public static SignedPush Voice(string? recognition, string mediaId = "voice-media", string format = "amr") =>
        new("voice", $"<MediaId><![CDATA[{mediaId}]]></MediaId><Format><![CDATA[{format}]]></Format>{(recognition is null ? "" : $"<Recognition><![CDATA[{recognition}]]></Recognition>")}<MsgId>{Random.Shared.NextInt64(1, long.MaxValue)}</MsgId>");

    public static SignedPush Image(string pictureUrl) =>
        new("image", $"<PicUrl><![CDATA[{pictureUrl}]]></PicUrl><MediaId><![CDATA[image-media]]></MediaId><MsgId>{Random.Shared.NextInt64(1, long.MaxValue)}</MsgId>");

    /// <summary>An article the follower shared: its title, WeChat's description of it, and its URL.</summary>
    public static SignedPush Link(string title, string description, string url) =>
        new("link", $"<Title><![CDATA[{title}]]></Title><Description><![CDATA[{description}]]></Description><Url><![CDATA[{url}]]></Url><MsgId>{Random.Shared.NextInt64(1, long.MaxValue)}</MsgId>");

    public static SignedPush OfType(string messageType, string fields) => new(messageType, fields);

    public static SignedPush Raw(string body) => new("raw", "") { RawBody = body };

    public SignedPush From(string followerId) => this with { FollowerId = followerId };

    public SignedPush Encrypted(WeChatCipher cipher) => this with { Cipher = cipher };

    public SignedPush EncryptedInCompatMode(WeChatCipher cipher) => this with { Cipher = cipher, IsCompat = true };

    public SignedPush TamperedWith(Func<WeChatCipher, string, string> makeEncrypt) => this with { MakeEncrypt = makeEncrypt };

    /// <summary>The body WeChat sends in safe or compat mode, and the <c>Encrypt</c> that msg_signature covers.</summary>
    public (string Body, string Encrypt) Seal()
    {
        var cipher = Cipher ?? throw new InvalidOperationException("The push is not encrypted.");
        var encrypt = MakeEncrypt(cipher, Body);
        var plainFields = IsCompat ? Body["<xml>".Length..^"</xml>".Length] : $"<ToUserName><![CDATA[{AccountId}]]></ToUserName>";
        return ($"<xml>{plainFields}<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>", encrypt);
    }

    public SignedPush Forged() => this with { Signing = Signing.Forged };

    public SignedPush Unsigned() => this with { Signing = Signing.None };
}

public enum Signing
{
    Valid,
    Forged,
    None,
}
