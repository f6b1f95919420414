using WeChatFunctions.Claims;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Pushing;

/// <summary>Moves the follower's reading position past what was pushed, so that 「继续」 shows only what was not.</summary>
internal sealed class PushedAnswerPosition(IReadingPositionStore positions)
{
    /// <param name="rest">Where 「继续」 picks the answer up, or <see langword="null"/> when all of it was pushed.</param>
    public async Task ShowAsync(MessageKey key, PendingAnswer? rest, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ReadingPosition.MaxSaveConflicts; attempt++)
        {
            var position = await positions.ReadAsync(key.FollowerId, cancellationToken);
            var others = position.After.Where(pending => pending.MessageId != key.MessageId);
            var after = rest is null ? others : others.Prepend(rest);
            var next = position with { After = [.. after.Take(ReadingPosition.MaxPending)] };
            if (!position.DiffersFrom(next) || await positions.TrySaveAsync(key.FollowerId, next, cancellationToken))
            {
                return;
            }
        }
    }
}
