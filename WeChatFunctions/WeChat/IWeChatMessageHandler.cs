namespace WeChatFunctions.WeChat;

/// <summary>The one seam between the protocol and the app: a parsed push in, a reply (or none) out.</summary>
public interface IWeChatMessageHandler
{
    /// <returns>The reply, or <see langword="null"/> to answer <c>success</c>.</returns>
    Task<OutboundReply?> HandleAsync(InboundMessage message, CancellationToken cancellationToken);
}
