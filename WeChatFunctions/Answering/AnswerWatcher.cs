using WeChatFunctions.Background;
using Microsoft.Extensions.Options;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Answering;

/// <summary>
/// Waits, until a deadline, for an answer to get far enough. An answer generating on this instance wakes the waiter
/// at every change; one generating elsewhere is polled in storage. It only reports what it sees: the answer is ready,
/// still in progress, or abandoned by an instance that went quiet. What to do about an abandoned one is the caller's.
/// </summary>
internal sealed class AnswerWatcher(
    LiveAnswerRegistry liveAnswers,
    IReplyClaimStore claims,
    TimeProvider timeProvider,
    IOptions<ReplyWindowOptions> options)
{
    /// <summary>Short enough that an answer saved by another instance leaves here within a few hundred milliseconds.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);

    /// <returns>The answer when <paramref name="isReady"/>, at the deadline, or once abandoned; <see langword="null"/> when no claim exists.</returns>
    public async Task<WatchedAnswer?> WaitAsync(
        MessageKey key, Func<AnswerSnapshot, bool> isReady, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (liveAnswers.TryGet(key, out var live))
            {
                var changed = live.Changed;
                var snapshot = live.Snapshot;
                if (isReady(snapshot))
                {
                    return new WatchedAnswer(snapshot, WatchedState.Ready);
                }

                if (!await changed.WaitUntilAsync(deadline, timeProvider, cancellationToken))
                {
                    return new WatchedAnswer(live.Snapshot, WatchedState.InProgress);
                }

                continue;
            }

            var claim = await claims.FindAsync(key, cancellationToken);
            if (claim is null)
            {
                return null;
            }

            if (isReady(claim.Answer))
            {
                return new WatchedAnswer(claim.Answer, WatchedState.Ready, claim);
            }

            if (IsAbandoned(claim))
            {
                return new WatchedAnswer(claim.Answer, WatchedState.Abandoned, claim);
            }

            if (!await Task.Delay(PollInterval, timeProvider, cancellationToken).WaitUntilAsync(deadline, timeProvider, cancellationToken))
            {
                return new WatchedAnswer(claim.Answer, WatchedState.InProgress, claim);
            }
        }
    }

    private bool IsAbandoned(ReplyClaim claim) => claim.IsAbandonedAt(timeProvider.GetUtcNow(), options.Value.ClaimTimeout);
}
