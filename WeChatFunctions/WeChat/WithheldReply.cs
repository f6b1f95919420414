namespace WeChatFunctions.WeChat;

/// <summary>
/// No reply on this attempt, so that WeChat sends another. The connection is held until WeChat gives up on it and is
/// then dropped: replying <c>success</c> or an empty body would stop the retries.
/// </summary>
public sealed record WithheldReply : OutboundReply
{
    public static readonly WithheldReply Instance = new();

    /// <summary>
    /// For a push the app could not serve: withheld, so that WeChat retries, unless this is the last attempt, which gets
    /// <paramref name="lastWord"/> since any reply ends the retries. CreateTime stands in for the first arrival, which a
    /// fault may have kept from being read.
    /// </summary>
    public static OutboundReply UnlessLastAttempt(InboundMessage message, DateTimeOffset arrival, OutboundReply lastWord) =>
        WeChatRetries.IsLastAttempt(DateTimeOffset.FromUnixTimeSeconds(message.CreateTime), arrival) ? lastWord : Instance;

    private WithheldReply()
    {
    }
}
