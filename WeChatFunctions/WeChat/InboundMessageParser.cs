using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace WeChatFunctions.WeChat;

/// <summary>
/// Parses a push body. DTDs are prohibited and nothing external is resolved, so entity expansion and XXE cannot happen.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
/// </summary>
public static class InboundMessageParser
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 0,
    };

    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out InboundMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        XElement root;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, ReaderSettings);
            root = XElement.Load(reader);
        }
        catch (XmlException exception)
        {
            error = $"malformed XML: {exception.Message}";
            return false;
        }

        if (root.Name != "xml")
        {
            error = "the root element is not <xml>";
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
