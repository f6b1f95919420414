using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Conversations;

/// <summary>
/// Generates the answer to a claimed question as background work, so that WeChat dropping an attempt does not stop
/// it. While streaming it saves the text so far to the claim now and then, which is also the heartbeat that tells
/// other instances it is alive; at the end it saves the whole answer.
/// </summary>
internal sealed class AnswerGenerator(
    AssistantDialog dialog,
    LiveAnswers liveAnswers,
    IReplyClaimStore claims,
    BackgroundWork background,
    TimeProvider timeProvider,
    IOptions<ReplyWindowOptions> options,
    ILogger<AnswerGenerator> logger)
{
    /// <summary>How often streamed text is saved for attempts on other instances.</summary>
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    /// <summary>Starts generating for a claim this instance owns, unless it is already generating it.</summary>
    public void Start(ReplyClaim claim)
    {
        if (claim.Question is null || !liveAnswers.TryStart(claim.Key, claim.FirstArrival, out var answer))
        {
            return;
        }

        background.Run(stopping => GenerateAsync(claim, answer, stopping));
    }

    /// <summary>Takes over a claim whose instance stopped showing progress, and generates its answer here.</summary>
    /// <returns>Whether this instance now owns the claim; another instance may have taken it first.</returns>
    public async Task<bool> TryTakeOverAsync(ReplyClaim stale, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var taken = await claims.TryReplaceAsync(stale with { Answer = AnswerSnapshot.Started, ProgressAt = now, Generation = stale.Generation + 1 }, cancellationToken);
        if (taken is null)
        {
            return false;
        }

        ConversationLog.ClaimTakenOver(logger, taken.Key.MessageId, (now - stale.ProgressAt).TotalSeconds);
        Start(taken);
        return true;
    }

    private async Task GenerateAsync(ReplyClaim claim, LiveAnswer answer, CancellationToken stopping)
    {
        using var saving = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var savedClaim = SaveProgressAsync(claim, answer, saving.Token);
        DialogOutcome outcome;
        try
        {
            outcome = await dialog.AnswerAsync(claim.Key.FollowerId, claim.Question!, answer.Append, claim.FirstArrival + WeChatRetries.Window, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await saving.CancelAsync();
            await ReleaseAsync(await savedClaim);
            return;
        }

        await saving.CancelAsync();
        var finished = new AnswerSnapshot(outcome.ReplyText, outcome.IsAnswer ? AnswerStatus.Complete : AnswerStatus.Failed);
        answer.Finish(finished);
        if (await savedClaim is { } latest)
        {
            await SaveAsync(latest with { Answer = finished, ProgressAt = timeProvider.GetUtcNow() }, stopping);
        }

        // Retries of this message on this instance are served from memory until WeChat has stopped retrying.
        await Task.Delay(WeChatRetries.Window, timeProvider, stopping).ContinueWith(static _ => { }, TaskScheduler.Default);
        liveAnswers.Forget(claim.Key, answer);
    }

    /// <summary>Saves the text so far every second while it grows, and at least every third of the claim timeout.</summary>
    /// <returns>The claim as last saved, or <see langword="null"/> once another instance took it over.</returns>
    private async Task<ReplyClaim?> SaveProgressAsync(ReplyClaim claim, LiveAnswer answer, CancellationToken cancellationToken)
    {
        var heartbeat = options.Value.ClaimTimeout / 3;
        var interval = heartbeat < SaveInterval ? heartbeat : SaveInterval;
        var current = claim;
        while (true)
        {
            try
            {
                await Task.Delay(interval, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return current;
            }

            var now = timeProvider.GetUtcNow();
            var snapshot = answer.Snapshot;
            if (snapshot.Text.Length == current.Answer.Text.Length && now - current.ProgressAt < heartbeat)
            {
                continue;
            }

            // The write itself is not cancelled, so that the version it returns is always known.
            var saved = await SaveAsync(current with { Answer = snapshot, ProgressAt = now }, CancellationToken.None);
            if (saved is null)
            {
                return null;
            }

            current = saved;
        }
    }

    private async Task<ReplyClaim?> SaveAsync(ReplyClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await claims.TryReplaceAsync(claim, cancellationToken);
            if (saved is null)
            {
                ConversationLog.ClaimLost(logger, claim.Key.MessageId);
            }

            return saved;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Attempts on this instance still get the answer from memory; others wait for the next save.
            ConversationLog.ClaimNotSaved(logger, claim.Key.MessageId, exception);
            return claim;
        }
    }

    /// <summary>On shutdown, marks the claim as abandoned so that another instance takes it over at once.</summary>
    private async Task ReleaseAsync(ReplyClaim? claim)
    {
        if (claim is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), timeProvider);
            await SaveAsync(claim with { ProgressAt = DateTimeOffset.UnixEpoch }, timeout.Token);
        }
    }
}
