namespace WeChatFunctions.WeChat;

/// <summary>
/// No reply on this attempt, so that WeChat sends another. The connection is held until WeChat gives up on it and is
/// then dropped: replying <c>success</c> or an empty body would stop the retries.
/// </summary>
public sealed record WithheldReply : OutboundReply
{
    public static readonly WithheldReply Instance = new();

    private WithheldReply()
    {
    }
}
