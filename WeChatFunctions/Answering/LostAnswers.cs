using Microsoft.Extensions.Options;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Answering;

/// <summary>
/// Finds answers no attempt delivered: questions past WeChat's window whose answers no reply showed and that are not
/// among the follower's pending answers. Their instance died before any attempt could reply, or every attempt failed
/// (an overloaded instance, storage down). The follower's next message adopts them as pending, so that 「继续」
/// delivers them.
/// </summary>
internal sealed class LostAnswers(IReplyClaimStore claims, IReadingPositionStore positions, TimeProvider timeProvider, IOptions<ReplyWindowOptions> options)
{
    /// <summary>A question older than this is not answered any more; the follower has moved on.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    /// <summary>Adds the follower's lost answers to their pending answers.</summary>
    /// <returns>The lost answers whose instance went quiet, for the reply window to take over.</returns>
    public async Task<IReadOnlyList<ReplyClaim>> AdoptAsync(MessageKey key, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var lost = (await claims.FindUndeliveredAsync(key.FollowerId, now - Horizon, cancellationToken))
            .Where(claim => claim.Key.MessageId != key.MessageId && claim.FirstArrival + WeChatRetries.Window < now)
            .OrderByDescending(claim => claim.FirstArrival)
            .ToList();
        if (lost.Count == 0)
        {
            return [];
        }

        for (var attempt = 0; attempt < ReadingPosition.MaxSaveConflicts; attempt++)
        {
            var position = await positions.ReadAsync(key.FollowerId, cancellationToken);
            // Pending as this message sees them: an answer a reply moved past but never marked shown did not reach WeChat.
            var known = position.PendingBefore(key.MessageId).Select(pending => pending.MessageId).ToHashSet(StringComparer.Ordinal);
            List<PendingAnswer> adopted = [.. lost.Where(claim => !known.Contains(claim.Key.MessageId)).Select(claim => new PendingAnswer(claim.Key.MessageId, 0))];
            if (adopted.Count == 0 || await positions.TrySaveAsync(key.FollowerId, position with { After = [.. adopted.Concat(position.After).Take(ReadingPosition.MaxPending)] }, cancellationToken))
            {
                break;
            }
        }

        return [.. lost.Where(claim => claim.IsAbandonedAt(now, options.Value.ClaimTimeout))];
    }
}
