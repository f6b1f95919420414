namespace WeChatFunctions.WeChat;

/// <summary>The one seam between the protocol and the app: a parsed push in, a reply (or none) out.</summary>
public interface IWeChatMessageHandler
{
    /// <param name="message">The parsed push.</param>
    /// <param name="arrival">When this attempt reached the app; its reply must leave before WeChat's 5 s are up.</param>
    /// <param name="cancellationToken">Fires when WeChat gives up on this attempt.</param>
    /// <returns>The reply, <see cref="WithheldReply"/> to make WeChat retry, or <see langword="null"/> to answer <c>success</c>.</returns>
    Task<OutboundReply?> HandleAsync(InboundMessage message, DateTimeOffset arrival, CancellationToken cancellationToken);
}
