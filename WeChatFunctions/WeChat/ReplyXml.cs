using System.Globalization;
using System.Text;
using System.Xml;

namespace WeChatFunctions.WeChat;

/// <summary>
/// Writes passive replies. The user fields swap: ToUserName is the follower, FromUserName the account.
/// Strings go in CDATA; XmlWriter splits any <c>]]&gt;</c> in the content into <c>]]]]&gt;&lt;![CDATA[&gt;</c>.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
/// </summary>
public static class ReplyXml
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    public static string Text(InboundMessage inReplyTo, TextReply reply, DateTimeOffset now) => Document(writer =>
    {
        WriteHeader(writer, inReplyTo, now, "text");
        WriteCData(writer, "Content", WithoutInvalidXmlCharacters(reply.Content));
    });

    /// <summary><c>&lt;Voice&gt;&lt;MediaId&gt;…</c> or <c>&lt;Image&gt;&lt;MediaId&gt;…</c>.</summary>
    public static string Media(InboundMessage inReplyTo, MediaReply reply, DateTimeOffset now) => Document(writer =>
    {
        var (type, element) = reply.Kind == MediaKind.Voice ? ("voice", "Voice") : ("image", "Image");
        WriteHeader(writer, inReplyTo, now, type);
        writer.WriteStartElement(element);
        WriteCData(writer, "MediaId", reply.MediaId);
        writer.WriteEndElement();
    });

    /// <summary>Any reply that has a body; <see langword="null"/> for one that is written as <c>success</c>.</summary>
    public static string? Of(InboundMessage inReplyTo, OutboundReply reply, DateTimeOffset now) => reply switch
    {
        TextReply text => Text(inReplyTo, text, now),
        MediaReply media => Media(inReplyTo, media, now),
        _ => null,
    };

    private static void WriteHeader(XmlWriter writer, InboundMessage inReplyTo, DateTimeOffset now, string messageType)
    {
        WriteCData(writer, "ToUserName", inReplyTo.FollowerId);
        WriteCData(writer, "FromUserName", inReplyTo.AccountId);
        writer.WriteElementString("CreateTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        WriteCData(writer, "MsgType", messageType);
    }

    /// <summary>The envelope of an encrypted reply; <paramref name="encrypt"/> holds the whole reply XML.</summary>
    public static string Encrypted(string encrypt, string messageSignature, string timestamp, string nonce) => Document(writer =>
    {
        WriteCData(writer, "Encrypt", encrypt);
        WriteCData(writer, "MsgSignature", messageSignature);
        writer.WriteElementString("TimeStamp", timestamp);
        WriteCData(writer, "Nonce", nonce);
    });

    private static string Document(Action<XmlWriter> writeFields)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, WriterSettings))
        {
            writer.WriteStartElement("xml");
            writeFields(writer);
            writer.WriteEndElement();
        }

        return builder.ToString();
    }

    private static void WriteCData(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement(name);
        writer.WriteCData(value);
        writer.WriteEndElement();
    }

    /// <summary>A model can emit control characters that XML 1.0 forbids; WeChat would fault on them, so they are dropped.</summary>
    private static string WithoutInvalidXmlCharacters(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (XmlConvert.IsXmlChar(character))
            {
                builder.Append(character);
            }
            else if (char.IsHighSurrogate(character) && index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], character))
            {
                builder.Append(character).Append(text[++index]);
            }
        }

        return builder.Length == text.Length ? text : builder.ToString();
    }
}
