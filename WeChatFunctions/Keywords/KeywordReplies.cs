using WeChatFunctions.Claims;
using WeChatFunctions.Statistics;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Keywords;

/// <summary>
/// Replies with an operator's keyword rule, at no quota and no model call, before anything else looks at a question;
/// each message is counted once as a keyword reply, whatever WeChat's retries do.
/// </summary>
internal sealed class KeywordReplies(KeywordBook book, MessageClaims claims, StatisticsRecorder statistics)
{
    /// <returns>The rule's reply to a typed or spoken message, or <see langword="null"/> when no rule fires.</returns>
    public async Task<OutboundReply?> ReplyToTextAsync(MessageKey key, string text, DateTimeOffset arrival, CancellationToken cancellationToken) =>
        await ReplyAsync(key, await book.FindForTextAsync(text, cancellationToken), arrival);

    /// <returns>The reply of the rule bound to <paramref name="eventKey"/>, or <see langword="null"/> when none is.</returns>
    public async Task<OutboundReply?> ReplyToKeyAsync(MessageKey key, string eventKey, DateTimeOffset arrival, CancellationToken cancellationToken) =>
        await ReplyAsync(key, await book.FindForKeyAsync(eventKey, cancellationToken), arrival);

    private async Task<OutboundReply?> ReplyAsync(MessageKey key, KeywordRule? rule, DateTimeOffset arrival)
    {
        if (rule is null)
        {
            return null;
        }

        if (await claims.TryClaimAsync(key, arrival))
        {
            statistics.KeywordReplied(arrival);
        }

        return new TextReply(rule.Reply);
    }
}
