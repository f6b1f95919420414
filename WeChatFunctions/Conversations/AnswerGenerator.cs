using System.Text;
using Microsoft.Extensions.Options;
using WeChatFunctions.Moderation;
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
    Quota quota,
    ContentModeration moderation,
    Statistics statistics,
    LiveAnswers liveAnswers,
    IReplyClaimStore claims,
    BackgroundWork background,
    TimeProvider timeProvider,
    IOptions<ReplyWindowOptions> options,
    IOptions<ConversationOptions> conversationOptions,
    ILogger<AnswerGenerator> logger)
{
    /// <summary>How often streamed text is saved for attempts on other instances.</summary>
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    /// <summary>Charges the question of a claim this instance just made, and generates its answer.</summary>
    public void Start(ReplyClaim claim, FollowerPolicy policy) => Begin(claim, chargeTo: policy);

    /// <param name="chargeTo">The policy to charge the question under, or <see langword="null"/> when it was charged already.</param>
    private void Begin(ReplyClaim claim, FollowerPolicy? chargeTo)
    {
        if (claim.Question is null || !liveAnswers.TryStart(claim.Key, claim.FirstArrival, out var answer))
        {
            return;
        }

        background.Run(stopping => GenerateAsync(claim, answer, chargeTo, stopping));
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
        Begin(taken, chargeTo: null); // the instance that made the claim charged it
        return true;
    }

    private async Task GenerateAsync(ReplyClaim claim, LiveAnswer answer, FollowerPolicy? chargeTo, CancellationToken stopping)
    {
        using var saving = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var savedClaim = SaveProgressAsync(claim, answer, saving.Token);
        var text = new MarkdownStream(conversationOptions.Value.ConvertsMarkdown);
        // With moderation on, no part of an answer is shown before the whole of it has passed.
        var held = moderation.IsOn ? new StringBuilder() : null;
        DialogOutcome outcome;
        var charged = false;
        try
        {
            (var refusal, charged) = await AdmitAsync(claim, chargeTo, stopping);
            outcome = refusal ?? await dialog.AnswerAsync(
                claim.Key.FollowerId,
                claim.Question!,
                chunk => Release(answer, held, text.Append(chunk), text.Preview),
                claim.FirstArrival + WeChatRetries.Window,
                stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await saving.CancelAsync();
            await ReleaseAsync(await savedClaim);
            return;
        }
        catch (Exception exception)
        {
            // Only the charge can throw here: the dialog and the moderation turn their own failures into outcomes.
            ConversationLog.QuotaUnavailable(logger, exception);
            outcome = DialogOutcome.Failed(FollowerTexts.StorageUnavailable);
        }

        await saving.CancelAsync();
        await RecordAsync(claim, outcome, stopping);
        var finished = outcome.IsAnswer
            ? new AnswerSnapshot(Finished(answer, held, text, outcome), AnswerStatus.Complete)
            : new AnswerSnapshot(outcome.ReplyText, AnswerStatus.Failed);
        if (charged && !outcome.IsAnswer)
        {
            // The refund lands before the apology leaves, so the follower's next question finds the charge given back.
            // Only the claim's owner refunds, which the save proves.
            if (await SaveFinishedAsync(await savedClaim, finished, stopping))
            {
                await RefundAsync(claim, stopping);
            }

            answer.Finish(finished);
        }
        else
        {
            answer.Finish(finished);
            await SaveFinishedAsync(await savedClaim, finished, stopping);
        }

        // Retries of this message on this instance are served from memory until WeChat has stopped retrying.
        await Task.Delay(WeChatRetries.Window, timeProvider, stopping).ContinueWith(static _ => { }, TaskScheduler.Default);
        liveAnswers.Forget(claim.Key, answer);
    }

    /// <summary>
    /// Charges the question when this instance made the claim (<paramref name="chargeTo"/>; a taken-over claim was
    /// charged by its maker), then moderates it. Charging first puts the limits in front of the moderation service
    /// too; a question moderation stops is refunded like any question that got no answer.
    /// </summary>
    /// <returns>What the follower gets instead of an answer, if anything, and whether the question stands charged.</returns>
    private async Task<(DialogOutcome? Refusal, bool Charged)> AdmitAsync(ReplyClaim claim, FollowerPolicy? chargeTo, CancellationToken cancellationToken)
    {
        if (chargeTo is not null)
        {
            var decision = await quota.TryChargeAsync(claim.Key.FollowerId, chargeTo, claim.FirstArrival, cancellationToken);
            if (!decision.IsCharged)
            {
                statistics.Refused(claim.FirstArrival, decision.Refusal);
                return (DialogOutcome.Failed(decision.RefusalText!), false);
            }
        }

        switch (await moderation.CheckAsync(claim.Question!, cancellationToken))
        {
            case ModerationVerdict.Blocked:
                statistics.QuestionBlocked(claim.FirstArrival);
                return (DialogOutcome.Failed(FollowerTexts.QuestionBlocked), true);
            case ModerationVerdict.Unavailable:
                return (DialogOutcome.Failed(FollowerTexts.ModerationUnavailable), true);
            default:
                return (null, true);
        }
    }

    /// <summary>Passes converted text on to the attempts waiting for it, or holds it back until moderation has passed the whole answer.</summary>
    private static void Release(LiveAnswer answer, StringBuilder? held, string converted, string preview)
    {
        if (held is null)
        {
            answer.Append(converted, preview);
        }
        else
        {
            held.Append(converted);
        }
    }

    /// <summary>The streamed text, the blocks still open at the end, and the interruption notice when the stream broke off.</summary>
    private static string Finished(LiveAnswer answer, StringBuilder? held, MarkdownStream text, DialogOutcome outcome)
    {
        answer.Append(held?.ToString() + text.Finish());
        return answer.Snapshot.Text + (outcome.IsInterrupted ? FollowerTexts.AnswerInterrupted : "");
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
            if (snapshot.Text.Length == current.Answer.Text.Length && snapshot.Preview.Length == current.Answer.Preview.Length && now - current.ProgressAt < heartbeat)
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

    /// <summary>
    /// The answer in the statistics, and its tokens in the follower's usage. The usage is written before the answer
    /// leaves, so the follower's next question is judged against it; a failed write is logged, never shown.
    /// </summary>
    private async Task RecordAsync(ReplyClaim claim, DialogOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.IsModelError)
        {
            statistics.ModelFailed(claim.FirstArrival);
        }

        if (!outcome.IsAnswer && outcome.Usage == TokenUsage.None)
        {
            return;
        }

        statistics.Spent(claim.FirstArrival, outcome.Usage, answered: outcome.IsAnswer, blocked: outcome.IsBlocked);
        try
        {
            await quota.RecordTokensAsync(claim.Key.FollowerId, claim.FirstArrival, outcome.Usage, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ConversationLog.TokensNotRecorded(logger, claim.Key.MessageId, exception);
        }
    }

    private async Task<bool> SaveFinishedAsync(ReplyClaim? latest, AnswerSnapshot finished, CancellationToken cancellationToken) =>
        latest is not null && await SaveAsync(latest with { Answer = finished, ProgressAt = timeProvider.GetUtcNow() }, cancellationToken) is not null;

    /// <summary>A question that got no answer costs nothing; the refund is made once, by the claim's owner.</summary>
    private async Task RefundAsync(ReplyClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            await quota.RefundAsync(claim.Key.FollowerId, claim.FirstArrival, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ConversationLog.RefundFailed(logger, claim.Key.MessageId, exception);
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
