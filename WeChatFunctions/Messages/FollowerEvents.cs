using Microsoft.Extensions.Options;
using WeChatFunctions.Claims;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Keywords;
using WeChatFunctions.Settings;
using WeChatFunctions.Statistics;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Messages;

/// <summary>Following and unfollowing: each done once per push, whatever WeChat's retries do.</summary>
internal sealed class FollowerEvents(
    MessageClaims claims,
    IFollowerDataStore followerData,
    StatisticsRecorder statistics,
    KeywordBook keywords,
    IOptions<ConversationOptions> options,
    ILogger<FollowerEvents> logger)
{
    /// <summary>
    /// The welcome is the same on every attempt; the claim makes sure the subscription is counted once. It is the
    /// keyword rule bound to the QR code's scene (<c>qrscene_…</c>, as WeChat sends it), else the one bound to
    /// <c>subscribe</c>, else <c>welcome_message</c>.
    /// </summary>
    public async Task<OutboundReply> WelcomeAsync(MessageKey key, string? sceneKey, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        if (await claims.TryClaimAsync(key, arrival))
        {
            statistics.Subscribed(arrival);
        }

        var rule = (string.IsNullOrEmpty(sceneKey) ? null : await keywords.FindForKeyAsync(sceneKey, cancellationToken))
            ?? await keywords.FindForKeyAsync(SubscribeKey, cancellationToken);
        return new TextReply(rule?.Reply ?? options.Value.WelcomeMessage);
    }

    public const string SubscribeKey = "subscribe";

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
