namespace WeChatFunctions.WeChat;

/// <summary>A passive reply. No reply at all is written as <c>success</c>, which WeChat shows as nothing.</summary>
public abstract record OutboundReply;

/// <summary>A text reply. WeChat faults on content over 2048 UTF-8 bytes, so callers page long answers.</summary>
public sealed record TextReply(string Content) : OutboundReply;

/// <summary>A voice or a picture, uploaded to WeChat as temporary media.</summary>
public sealed record MediaReply(MediaKind Kind, string MediaId) : OutboundReply;

/// <summary>
/// An empty reply (<c>success</c>): WeChat stops retrying and shows nothing, as when the answer follows as
/// customer-service messages.
/// </summary>
public sealed record AcknowledgedReply : OutboundReply
{
    public static readonly AcknowledgedReply Instance = new();

    private AcknowledgedReply()
    {
    }
}
