using System.Net;
using System.Xml.Linq;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>What WeChat received for one push attempt, parsed the way WeChat reads a passive reply.</summary>
public sealed record WeChatReplyView(HttpStatusCode Status, string Body, string? MediaType)
{
    /// <summary>The reply's envelope when it came encrypted; <see cref="Body"/> is then the decrypted reply.</summary>
    public XElement? Envelope { get; private init; }

    public bool IsSuccessWithoutReply => Status == HttpStatusCode.OK && (Body.Length == 0 || Body == "success");

    public XElement Xml => XElement.Parse(Body);

    public string ToUserName => Xml.Element("ToUserName")!.Value;

    public string FromUserName => Xml.Element("FromUserName")!.Value;

    public string MessageType => Xml.Element("MsgType")!.Value;

    /// <summary>The temporary media a voice or picture reply shows, or <see langword="null"/> for any other reply.</summary>
    public string? MediaId => Xml.Element(MessageType == "voice" ? "Voice" : "Image")?.Element("MediaId")?.Value;

    /// <summary>The text a follower would see.</summary>
    public string Content => Status == HttpStatusCode.OK
        ? Xml.Element("Content")!.Value
        : throw new InvalidOperationException($"WeChat got HTTP {(int)Status}, not a reply: {Body}");

    /// <summary>
    /// Reads an encrypted reply as WeChat does: MsgSignature must verify over the token, TimeStamp, Nonce and
    /// Encrypt, and Encrypt must decrypt under the account's key and AppId; otherwise the follower sees a fault.
    /// </summary>
    public WeChatReplyView Opened(WeChatCipher cipher, string token)
    {
        if (Status != HttpStatusCode.OK || IsSuccessWithoutReply)
        {
            return this;
        }

        var envelope = XElement.Parse(Body);
        var encrypt = envelope.Element("Encrypt")!.Value;
        var signature = WeChatSigner.Sign(token, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypt);
        if (signature != envelope.Element("MsgSignature")?.Value)
        {
            throw new InvalidDataException("WeChat would fault on this reply: its MsgSignature does not verify.");
        }

        return this with { Body = cipher.Decrypt(encrypt), Envelope = envelope };
    }
}
