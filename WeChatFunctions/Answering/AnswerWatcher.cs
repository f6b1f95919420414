using WeChatFunctions.Background;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Answering;

/// <summary>
/// Waits, until a deadline, for an answer to get far enough. An answer generating on this instance wakes the waiter
/// at every change; one generating elsewhere is read from storage every <see cref="PollInterval"/>, again the moment
/// its owner's silence would make it abandoned, and once more just before the deadline, so that the reply shows what
/// was saved last. It only reports what it sees: the answer is ready, still in progress, or abandoned by an instance
/// that went quiet (as <see cref="ClaimSilence"/> judges). What to do about an abandoned one is the caller's.
/// </summary>
internal sealed class AnswerWatcher(
    LiveAnswerRegistry liveAnswers,
    IReplyClaimStore claims,
    ClaimSilence silence,
    InstanceLag lag,
    TimeProvider timeProvider)
{
    /// <summary>
    /// How often an answer saved by another instance is looked for: it leaves here this long after it was saved at
    /// most, half as long on average, at a read every so often for as long as the attempt waits.
    /// </summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>The last read starts this long before the deadline, so that its reply is not late for it.</summary>
    private static readonly TimeSpan LastReadLead = TimeSpan.FromMilliseconds(100);

    /// <summary>A claim about to count as abandoned is read again this long after it will, so that it surely does.</summary>
    private static readonly TimeSpan PastDue = TimeSpan.FromMilliseconds(50);

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

            var readStarted = timeProvider.GetUtcNow();
            var claim = await claims.FindAsync(key, cancellationToken);
            if (claim is null)
            {
                return null;
            }

            if (isReady(claim.Answer))
            {
                return new WatchedAnswer(claim.Answer, WatchedState.Ready, claim);
            }

            var timeLeft = silence.TimeLeft(claim);
            if (timeLeft < TimeSpan.Zero)
            {
                return new WatchedAnswer(claim.Answer, WatchedState.Abandoned, claim);
            }

            var lastRead = deadline - LastReadLead;
            if (readStarted >= lastRead)
            {
                return new WatchedAnswer(claim.Answer, WatchedState.InProgress, claim);
            }

            var nextRead = readStarted + (timeLeft < PollInterval - PastDue ? timeLeft + PastDue : PollInterval);
            await lag.DelayUntilAsync(nextRead < lastRead ? nextRead : lastRead, cancellationToken);
        }
    }
}
