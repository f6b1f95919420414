using System.Net;
using System.Xml.Linq;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>What WeChat received for one push attempt, parsed the way WeChat reads a passive reply.</summary>
public sealed record WeChatReplyView(HttpStatusCode Status, string Body, string? MediaType)
{
    public bool IsSuccessWithoutReply => Status == HttpStatusCode.OK && (Body.Length == 0 || Body == "success");

    public XElement Xml => XElement.Parse(Body);

    public string ToUserName => Xml.Element("ToUserName")!.Value;

    public string FromUserName => Xml.Element("FromUserName")!.Value;

    public string MessageType => Xml.Element("MsgType")!.Value;

    /// <summary>The text a follower would see.</summary>
    public string Content => Status == HttpStatusCode.OK
        ? Xml.Element("Content")!.Value
        : throw new InvalidOperationException($"WeChat got HTTP {(int)Status}, not a reply: {Body}");
}
