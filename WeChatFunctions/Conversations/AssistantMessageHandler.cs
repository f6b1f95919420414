using System.Diagnostics;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Conversations;

/// <summary>Decides what each kind of push gets: questions and 「继续」 go through the reply window, the rest get a fixed text or nothing.</summary>
internal sealed class AssistantMessageHandler(
    ReplyWindow window,
    ContinueKeywords continueKeywords,
    IAdminStore adminStore,
    AdminCommands adminCommands,
    Statistics statistics,
    ILogger<AssistantMessageHandler> logger)
    : IWeChatMessageHandler
{
    public async Task<OutboundReply?> HandleAsync(InboundMessage message, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        var key = MessageKey.For(message);
        try
        {
            return message switch
            {
                TextMessage { Content: var content } when string.IsNullOrWhiteSpace(content) => new TextReply(FollowerTexts.EmptyQuestion),
                TextMessage { Content: var content } when AdminCommand.TryParse(content, out var command) =>
                    new TextReply(await adminCommands.RunAsync(key.FollowerId, command, cancellationToken)),
                TextMessage { Content.Length: > AssistantDialog.MaxQuestionCharacters } => new TextReply(FollowerTexts.QuestionTooLong),
                TextMessage { Content: var content } when continueKeywords.Matches(content) => await window.ContinueAsync(key, arrival, cancellationToken),
                TextMessage text => await AnswerAsync(key, text.Content.Trim(), arrival, cancellationToken),
                EventMessage { Event: "subscribe" } => await WelcomeAsync(key, arrival),
                EventMessage => null,
                UnknownMessage unknown => new TextReply(FollowerTexts.Unsupported(unknown.MessageType)),
                _ => throw new UnreachableException($"No handling is defined for {message.GetType().Name}."),
            };
        }
        catch (Exception exception) when (exception is not UnreachableException && !cancellationToken.IsCancellationRequested)
        {
            // Storage faults (RequestFailedException, AuthenticationFailedException…) that outlasted the SDK's retries.
            ConversationLog.ReplyStorageFailed(logger, key.MessageId, exception);
            return new TextReply(FollowerTexts.StorageUnavailable);
        }
    }

    private async Task<OutboundReply> AnswerAsync(MessageKey key, string question, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        var policy = await adminStore.GetPolicyAsync(key.FollowerId, cancellationToken);
        return policy.Blocked
            ? new TextReply(FollowerTexts.Blocked)
            : await window.AnswerAsync(key, question, policy, arrival, cancellationToken);
    }

    /// <summary>The welcome is the same on every attempt; the claim makes sure the subscription is counted once.</summary>
    private async Task<OutboundReply> WelcomeAsync(MessageKey key, DateTimeOffset arrival)
    {
        if (await window.ClaimAsync(key, arrival))
        {
            statistics.Subscribed(arrival);
        }

        return new TextReply(FollowerTexts.Welcome);
    }
}
