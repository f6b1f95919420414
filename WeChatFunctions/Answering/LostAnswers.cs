using WeChatFunctions.Claims;
using WeChatFunctions.Dialog;
using WeChatFunctions.Paging;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Answering;

/// <summary>
/// Finds answers no attempt delivered: questions past WeChat's window whose answers no reply showed and that are not
/// among the follower's pending answers. Their instance died before any attempt could reply, or every attempt failed
/// (an overloaded instance, storage down). The follower's next message adopts them as pending, so that 「继续」
/// delivers them.
/// </summary>
internal sealed class LostAnswers(IReplyClaimStore claims, IReadingPositionStore positions, ClaimSilence silence, TimeProvider timeProvider)
{
    /// <summary>A question older than this is not answered any more; the follower has moved on.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    /// <summary>Adds the follower's lost answers to their pending answers.</summary>
    /// <returns>
    /// The lost answers whose instance went quiet, for the reply window to take over; and the follower's reading
    /// position as read with them, or <see langword="null"/> when adopting changed it since; and what the same read found
    /// for the prompt.
    /// </returns>
    public async Task<(IReadOnlyList<ReplyClaim> Stale, ReadingPosition? Position, FollowerContext? Context)> AdoptAsync(MessageKey key, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var replies = await claims.FindUndeliveredAsync(key.FollowerId, now - Horizon, cancellationToken);
        var lost = replies.Undelivered
            .Where(claim => claim.Key.MessageId != key.MessageId && claim.FirstArrival + WeChatRetries.Window < now)
            .OrderByDescending(claim => claim.FirstArrival)
            .ToList();
        if (lost.Count == 0)
        {
            return ([], replies.Position, replies.Context);
        }

        var position = replies.Position;
        for (var attempt = 0; attempt < ReadingPosition.MaxSaveConflicts; attempt++)
        {
            // Pending as this message sees them: an answer a reply moved past but never marked shown did not reach WeChat.
            var known = position.PendingBefore(key.MessageId).Select(pending => pending.MessageId).ToHashSet(StringComparer.Ordinal);
            List<PendingAnswer> adopted = [.. lost.Where(claim => !known.Contains(claim.Key.MessageId)).Select(claim => new PendingAnswer(claim.Key.MessageId, 0))];
            if (adopted.Count == 0)
            {
                break;
            }

            if (await positions.TrySaveAsync(key.FollowerId, position with { After = [.. adopted.Concat(position.After).Take(ReadingPosition.MaxPending)] }, cancellationToken))
            {
                return (Stale(lost), null, replies.Context);
            }

            position = await positions.ReadAsync(key.FollowerId, cancellationToken);
        }

        return (Stale(lost), position, replies.Context);
    }

    private List<ReplyClaim> Stale(List<ReplyClaim> lost) => [.. lost.Where(silence.IsAbandoned)];
}
