using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Conversations;

/// <summary>
/// Waits, until a deadline, for an answer to get far enough. An answer generating on this instance wakes the waiter
/// at every change; one generating elsewhere is polled in storage, and taken over when its instance has gone quiet.
/// </summary>
internal sealed class AnswerWatcher(
    LiveAnswers liveAnswers,
    IReplyClaimStore claims,
    AnswerGenerator generator,
    TimeProvider timeProvider,
    IOptions<ReplyWindowOptions> options)
{
    /// <summary>Short enough that an answer saved by another instance leaves here within a few hundred milliseconds.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(150);

    /// <returns>The answer when <paramref name="isReady"/> or at the deadline; <see langword="null"/> when no claim exists.</returns>
    public async Task<AnswerSnapshot?> WaitAsync(
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
                    return snapshot;
                }

                if (!await WaitUntilAsync(changed, deadline, cancellationToken))
                {
                    return live.Snapshot;
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
                return claim.Answer;
            }

            if (IsAbandoned(claim) && await generator.TryTakeOverAsync(claim, cancellationToken))
            {
                continue;
            }

            if (!await WaitUntilAsync(Task.Delay(PollInterval, timeProvider, cancellationToken), deadline, cancellationToken))
            {
                return claim.Answer;
            }
        }
    }

    private bool IsAbandoned(ReplyClaim claim) =>
        claim.Answer.Status == AnswerStatus.Generating && timeProvider.GetUtcNow() - claim.ProgressAt > options.Value.ClaimTimeout;

    /// <returns><see langword="false"/> when the deadline came first.</returns>
    private async Task<bool> WaitUntilAsync(Task signal, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var left = deadline - timeProvider.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            await signal.WaitAsync(left, timeProvider, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
