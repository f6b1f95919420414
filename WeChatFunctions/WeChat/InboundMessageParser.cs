using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml.Linq;

namespace WeChatFunctions.WeChat;

/// <summary>
/// Parses a push body, plain or decrypted, through <see cref="SafeXml"/>. As wechatpy, WeRoBot and Senparc do, values
/// are trimmed of the white space a layout puts around CDATA, and <c>MsgType</c> is read in any case.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
/// </summary>
public static class InboundMessageParser
{
    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out InboundMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        if (!SafeXml.TryLoad(body, out var root, out error))
        {
            return false;
        }

        var accountId = Field(root, "ToUserName");
        var followerId = Field(root, "FromUserName");
        var messageType = Field(root, "MsgType");
        if (accountId is null || followerId is null || messageType is null || !TryNumber(root, "CreateTime", out var createTime))
        {
            error = "a common field (ToUserName, FromUserName, CreateTime, MsgType) is missing";
            return false;
        }

        var hasMessageId = TryNumber(root, "MsgId", out var messageId);
        message = messageType.ToLowerInvariant() switch
        {
            "text" when hasMessageId => new TextMessage(accountId, followerId, createTime, Field(root, "Content") ?? "", messageId),
            "voice" when hasMessageId => new VoiceMessage(
                accountId, followerId, createTime, Field(root, "Recognition"), messageId, Field(root, "MediaId") ?? "", Field(root, "Format")?.ToLowerInvariant() ?? ""),
            "image" when hasMessageId => new ImageMessage(accountId, followerId, createTime, Field(root, "PicUrl") ?? "", messageId),
            "link" when hasMessageId => new LinkMessage(accountId, followerId, createTime, Field(root, "Title") ?? "", Field(root, "Description") ?? "", Field(root, "Url") ?? "", messageId),
            "text" or "voice" or "image" or "link" => null,
            "event" => new EventMessage(accountId, followerId, createTime, Field(root, "Event") ?? "", Field(root, "EventKey")),
            _ => new UnknownMessage(accountId, followerId, createTime, messageType),
        };
        if (message is null)
        {
            error = $"a {messageType} message has no MsgId";
            return false;
        }

        error = null;
        return true;
    }

    private static string? Field(XElement root, string name) => root.Element(name)?.Value.Trim();

    private static bool TryNumber(XElement root, string name, out long value) =>
        long.TryParse(Field(root, name), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
