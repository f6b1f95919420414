using WeChatFunctions.WeChat;

namespace WeChatFunctions.Conversations;

/// <summary>Decides what each kind of push gets: questions go to the dialog, everything else gets a fixed text or nothing.</summary>
internal sealed class AssistantMessageHandler(AssistantDialog dialog) : IWeChatMessageHandler
{
    public async Task<OutboundReply?> HandleAsync(InboundMessage message, CancellationToken cancellationToken) => message switch
    {
        TextMessage { Content: var content } when string.IsNullOrWhiteSpace(content) => new TextReply(FollowerTexts.EmptyQuestion),
        TextMessage text => new TextReply(ReplyPages.FirstPage(
            (await dialog.AnswerAsync(text.FollowerId, text.Content.Trim(), cancellationToken)).ReplyText,
            FollowerTexts.AnswerTruncated)),
        EventMessage { Event: "subscribe" } => new TextReply(FollowerTexts.Welcome),
        EventMessage => null,
        UnknownMessage unknown => new TextReply(FollowerTexts.Unsupported(unknown.MessageType)),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "No handling is defined for this message type."),
    };
}
