using Microsoft.Extensions.Options;
using WeChatFunctions.Background;
using WeChatFunctions.Dialog;
using WeChatFunctions.Limits;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Answering;

/// <summary>
/// Keeps a claim's stored answer up to date while it generates. The saves are also the heartbeat that tells other
/// instances the owner is alive; a claim that stops beating may be taken over. A save goes out as soon as another page
/// can be cut, so that an attempt on another instance can show it, and otherwise once every <see cref="Heartbeat"/>.
/// </summary>
internal sealed class ClaimProgress(
    IReplyClaimStore claims,
    AnswerPager pager,
    InstanceLag lag,
    TimeProvider timeProvider,
    IOptions<ReplyWindowOptions> options,
    ILogger<ClaimProgress> logger)
{
    /// <summary>
    /// The longest the owner goes without saving: half the claim timeout, which leaves the other half, and the leeway
    /// <see cref="ClaimSilence"/> gives a late instance, for a save that lands late.
    /// </summary>
    public TimeSpan Heartbeat => options.Value.ClaimTimeout / 2;

    /// <summary>
    /// Makes this instance the owner of a claim whose instance stopped showing progress. The text it saved stays: a
    /// follower may have read part of it, so the new owner continues it rather than starting another answer.
    /// </summary>
    /// <returns>The claim as taken over, or <see langword="null"/> when another instance took it first.</returns>
    public async Task<ReplyClaim?> TryTakeOverAsync(ReplyClaim stale, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var taken = await claims.TryReplaceAsync(stale with { Answer = new AnswerSnapshot(stale.Answer.Text, AnswerStatus.Generating), ProgressAt = now, Generation = stale.Generation + 1, Owner = ReplyClaim.NewOwner() }, cancellationToken);
        if (taken is not null)
        {
            AnsweringLog.ClaimTakenOver(logger, taken.Key.MessageId, (now - stale.ProgressAt).TotalSeconds);
        }

        return taken;
    }

    /// <summary>Saves the claim with the text so far at every new page and every <see cref="Heartbeat"/>, until cancelled.</summary>
    /// <returns>The claim as last saved, or <see langword="null"/> once another instance took it over.</returns>
    public async Task<ReplyClaim?> KeepSavingAsync(ReplyClaim claim, LiveAnswer answer, CancellationToken cancellationToken)
    {
        var current = claim;
        var unsavedPage = 0;
        while (true)
        {
            try
            {
                await NextSaveAsync(answer, unsavedPage, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return current;
            }

            var snapshot = answer.Snapshot;

            // The write itself is not cancelled, so that the version it returns is always known.
            var saved = await SaveAsync(current with { Answer = snapshot, ProgressAt = timeProvider.GetUtcNow() }, CancellationToken.None);
            if (saved is null)
            {
                return null;
            }

            current = saved;
            unsavedPage = EndOfWholePages(snapshot, unsavedPage);
        }
    }

    /// <summary>Waits until the answer has a page beyond the saved ones, or the heartbeat is due.</summary>
    private async Task NextSaveAsync(LiveAnswer answer, int unsavedPage, CancellationToken cancellationToken)
    {
        var due = timeProvider.GetUtcNow() + Heartbeat;
        while (true)
        {
            var changed = answer.Changed;
            if (answer.Snapshot is { IsFinished: false } snapshot && pager.HasPage(snapshot, unsavedPage))
            {
                return;
            }

            if (!await changed.WaitUntilAsync(due, timeProvider, cancellationToken))
            {
                lag.ObserveWake(due);
                return;
            }
        }
    }

    /// <returns>Where the first page that <paramref name="saved"/> does not hold whole starts.</returns>
    private int EndOfWholePages(AnswerSnapshot saved, int offset)
    {
        while (!saved.IsFinished && pager.HasPage(saved, offset) && pager.NextPage(saved, offset).End is var end && end > offset)
        {
            offset = end;
        }

        return offset;
    }

    /// <param name="writes">What goes into the same transaction: the exchange, the settlement, the delivered mark.</param>
    /// <returns>Whether the finished answer was saved by this instance as the claim's owner, and whether the settlement and the mark went with it.</returns>
    public async Task<FinishedClaim> SaveFinishedAsync(ReplyClaim? latest, AnswerSnapshot finished, FinishWrites writes, CancellationToken cancellationToken) =>
        latest is null
            ? FinishedClaim.Lost
            : await SaveAsync(latest with { Answer = finished, ProgressAt = timeProvider.GetUtcNow() }, (claim, cancel) => claims.TryFinishAsync(claim, writes, cancel), cancellationToken);

    /// <summary>On shutdown, marks the claim as abandoned so that another instance takes it over at once.</summary>
    public async Task ReleaseAsync(ReplyClaim? claim)
    {
        if (claim is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), timeProvider);
            await SaveAsync(claim with { ProgressAt = DateTimeOffset.UnixEpoch }, timeout.Token);
        }
    }

    private async Task<ReplyClaim?> SaveAsync(ReplyClaim claim, CancellationToken cancellationToken) =>
        (await SaveAsync(claim, async (claim, cancel) => new FinishedClaim(await claims.TryReplaceAsync(claim, cancel), false, false), cancellationToken)).Saved;

    private async Task<FinishedClaim> SaveAsync(ReplyClaim claim, Func<ReplyClaim, CancellationToken, Task<FinishedClaim>> write, CancellationToken cancellationToken)
    {
        try
        {
            var written = await write(claim, cancellationToken);
            if (written.Saved is null)
            {
                AnsweringLog.ClaimLost(logger, claim.Key.MessageId);
            }

            return written;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Attempts on this instance still get the answer from memory; others wait for the next save.
            AnsweringLog.ClaimNotSaved(logger, claim.Key.MessageId, exception);
            return new FinishedClaim(claim, false, false);
        }
    }
}
