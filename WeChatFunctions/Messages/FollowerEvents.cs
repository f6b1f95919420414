using Microsoft.Extensions.Options;
using WeChatFunctions.Claims;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Settings;
using WeChatFunctions.Statistics;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Messages;

/// <summary>Following and unfollowing: each done once per push, whatever WeChat's retries do.</summary>
internal sealed class FollowerEvents(
    MessageClaims claims,
    IFollowerDataStore followerData,
    StatisticsRecorder statistics,
    IOptions<ConversationOptions> options,
    ILogger<FollowerEvents> logger)
{
    /// <summary>The welcome is the same on every attempt; the claim makes sure the subscription is counted once.</summary>
    public async Task<OutboundReply> WelcomeAsync(MessageKey key, DateTimeOffset arrival)
    {
        if (await claims.TryClaimAsync(key, arrival))
        {
            statistics.Subscribed(arrival);
        }

        return new TextReply(options.Value.WelcomeMessage);
    }

    /// <summary>An unfollow deletes what is kept of the follower's conversation; WeChat shows them no reply.</summary>
    public async Task<OutboundReply?> ForgetAsync(MessageKey key, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        if (await claims.TryClaimAsync(key, arrival))
        {
            await followerData.ForgetAsync(key.FollowerId, keepMessageId: key.MessageId, cancellationToken);
            MessagesLog.FollowerForgotten(logger);
        }

        return null;
    }
}
