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

    /// <summary>
    /// Long enough for the finishing transaction that carries the delivered mark, short enough to reply within WeChat's
    /// 5 seconds (an attempt's deadline is 4.5 s); a write slower still lands a mark that WeChat's retry then shows.
    /// </summary>
    private static readonly TimeSpan MarkedFinishGrace = TimeSpan.FromSeconds(0.3);

    /// <summary>A claim about to count as abandoned is read again this long after it will, so that it surely does.</summary>
    private static readonly TimeSpan PastDue = TimeSpan.FromMilliseconds(50);

    /// <returns>The answer when <paramref name="isReady"/>, at the deadline, or once abandoned; <see langword="null"/> when no claim exists.</returns>
    /// <param name="justRead">The claim as the caller just read it, which serves as the first read.</param>
    /// <param name="showsFirstPage">The caller will show the answer's first page when ready: while it waits on an answer generating here, the finished claim carries the delivered mark.</param>
    public async Task<WatchedAnswer?> WaitAsync(
        MessageKey key, Func<AnswerSnapshot, bool> isReady, DateTimeOffset deadline, CancellationToken cancellationToken, bool showsFirstPage = false, ClaimRead? justRead = null)
    {
        while (true)
        {
            if (liveAnswers.TryGet(key, out var live))
            {
                return showsFirstPage ? await WaitToShowAsync(live, isReady, deadline, cancellationToken) : await WaitAsync(live, isReady, deadline, cancellationToken);
            }

            var readStarted = justRead?.StartedAt ?? timeProvider.GetUtcNow();
            var claim = justRead?.Claim ?? await claims.FindAsync(key, cancellationToken);
            justRead = null;
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

    private async Task<WatchedAnswer> WaitAsync(LiveAnswer live, Func<AnswerSnapshot, bool> isReady, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
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
        }
    }

    /// <summary>
    /// As <see cref="WaitAsync(LiveAnswer, Func{AnswerSnapshot, bool}, DateTimeOffset, CancellationToken)"/>, but at the
    /// deadline it waits on for an answer whose finishing transaction is carrying the delivered mark: the mark says the
    /// answer was shown, so this attempt must show it.
    /// </summary>
    private async Task<WatchedAnswer> WaitToShowAsync(LiveAnswer live, Func<AnswerSnapshot, bool> isReady, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        live.ExpectShowing();
        var stopped = false;
        try
        {
            var watched = await WaitAsync(live, isReady, deadline, cancellationToken);
            if (watched.State == WatchedState.Ready || (stopped = live.TryStopShowing(atDeadline: true)))
            {
                return watched;
            }

            return await WaitAsync(live, snapshot => snapshot.IsFinished, deadline + MarkedFinishGrace, cancellationToken);
        }
        finally
        {
            if (!stopped)
            {
                live.TryStopShowing(atDeadline: false);
            }
        }
    }
}
