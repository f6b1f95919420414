using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace WeChatFunctions.Simulator;

/// <summary>
/// Reads a passive reply the way WeChat does, and says what the follower sees. The checks follow the protocol notes:
/// an empty body or <c>success</c> shows nothing; anything else must be reply XML addressed back to the follower from
/// the account, a text of at most 2048 UTF-8 bytes, and, in compat or safe mode, encrypted and signed.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
/// </summary>
public sealed class ReplyReader(SimulatedAccount account)
{
    public const int MaxTextBytes = 2048;

    public FollowerView Read(string body, string followerId)
    {
        if (body.Length == 0 || body == "success")
        {
            return FollowerView.Nothing;
        }

        if (!TryParse(body, out var xml))
        {
            return FollowerView.Fault("回复不是合法的 XML");
        }

        if (account.Cipher is { } cipher && xml.Element("Encrypt") is { } encrypted)
        {
            var signature = WeChatSigner.Sign(account.Token, Field(xml, "TimeStamp"), Field(xml, "Nonce"), encrypted.Value);
            if (!string.Equals(signature, Field(xml, "MsgSignature"), StringComparison.OrdinalIgnoreCase))
            {
                return FollowerView.Fault("加密回复的 MsgSignature 校验失败（Token 不一致？）");
            }

            try
            {
                if (!TryParse(cipher.Decrypt(encrypted.Value), out xml))
                {
                    return FollowerView.Fault("解密后的回复不是合法的 XML");
                }
            }
            catch (Exception exception) when (exception is FormatException or InvalidDataException or ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                return FollowerView.Fault($"加密回复无法用 EncodingAESKey 解密：{exception.Message}");
            }
        }

        return ReadMessage(xml, followerId);
    }

    private FollowerView ReadMessage(XElement xml, string followerId)
    {
        if (Field(xml, "ToUserName") != followerId)
        {
            return FollowerView.Fault($"ToUserName 应为粉丝的 OpenID（{followerId}），实际是「{Field(xml, "ToUserName")}」");
        }

        if (Field(xml, "FromUserName") != account.AccountId)
        {
            return FollowerView.Fault($"FromUserName 应为公众号原始 ID（{account.AccountId}），实际是「{Field(xml, "FromUserName")}」");
        }

        var messageType = Field(xml, "MsgType");
        if (messageType is "voice" or "image")
        {
            return ReadMedia(xml, messageType);
        }

        if (messageType != "text")
        {
            return FollowerView.Fault($"模拟器检查文本、语音和图片回复，收到的 MsgType 是「{messageType}」");
        }

        var content = Field(xml, "Content");
        var bytes = Encoding.UTF8.GetByteCount(content);
        return bytes > MaxTextBytes
            ? FollowerView.Fault($"文本回复有 {bytes} 字节，超过微信的 {MaxTextBytes} 字节上限")
            : FollowerView.Shows(content);
    }

    /// <summary>A voice or picture reply names temporary media by its id, inside <c>&lt;Voice&gt;</c> or <c>&lt;Image&gt;</c>.</summary>
    private static FollowerView ReadMedia(XElement xml, string messageType)
    {
        var (element, label) = messageType == "voice" ? ("Voice", "语音") : ("Image", "图片");
        var mediaId = xml.Element(element)?.Element("MediaId")?.Value;
        return string.IsNullOrEmpty(mediaId)
            ? FollowerView.Fault($"{label}回复缺少 <{element}><MediaId>")
            : FollowerView.Shows($"[{label}] {mediaId}");
    }

    private static bool TryParse(string text, out XElement xml)
    {
        try
        {
            xml = XElement.Parse(text);
            return xml.Name == "xml";
        }
        catch (XmlException)
        {
            xml = new XElement("invalid");
            return false;
        }
    }

    private static string Field(XElement xml, string name) => xml.Element(name)?.Value ?? "";
}
