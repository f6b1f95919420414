using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml.Linq;

namespace WeChatFunctions.WeChat;

/// <summary>
/// Parses a push body, plain or decrypted, through <see cref="SafeXml"/>.
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

        switch (messageType)
        {
            case "text" when TryNumber(root, "MsgId", out var messageId):
                message = new TextMessage(accountId, followerId, createTime, Field(root, "Content") ?? "", messageId);
                break;
            case "text":
                error = "a text message has no MsgId";
                return false;
            case "event":
                message = new EventMessage(accountId, followerId, createTime, Field(root, "Event") ?? "", Field(root, "EventKey"));
                break;
            default:
                message = new UnknownMessage(accountId, followerId, createTime, messageType);
                break;
        }

        error = null;
        return true;
    }

    private static string? Field(XElement root, string name) => root.Element(name)?.Value;

    private static bool TryNumber(XElement root, string name, out long value) =>
        long.TryParse(Field(root, name)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
