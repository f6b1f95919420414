using Microsoft.Extensions.Options;
using WeChatFunctions.Background;
using WeChatFunctions.Claims;
using WeChatFunctions.Dialog;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;
using WeChatFunctions.Statistics;
using WeChatFunctions.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Answering;

/// <summary>
/// Fits answers into WeChat's reply window. The first attempt at a question claims it and starts one generation; every
/// attempt, on any instance, waits for that generation until its own deadline and replies the moment its page exists.
/// Attempts that run out of time let WeChat retry, except the last, which sends what has streamed so far or a holding
/// message. What is left is paged: 「继续」 fetches the next page of the newest unread answer. This is the one place
/// that starts generations: on a new claim, and on a claim whose instance went quiet.
/// </summary>
internal sealed class ReplyWindow(
    IReplyClaimStore claims,
    IReadingPositionStore positions,
    LiveAnswerRegistry liveAnswers,
    AnswerGenerator generator,
    AnswerWatcher watcher,
    LostAnswers lostAnswers,
    AnswerPager pager,
    StatisticsRecorder statistics,
    IAnswerPushes pushes,
    DeliveredMarks marks,
    TimeProvider timeProvider,
    IOptions<ReplyWindowOptions> options)
{
    /// <summary>Room on the last attempt for two storage writes under load, with a retry.</summary>
    public static readonly TimeSpan LastAttemptWriteMargin = TimeSpan.FromSeconds(1.5);

    /// <param name="firstArrival">When the push first reached the app, if known before its claim: a voice is claimed once heard, maybe on a later attempt.</param>
    public Task<OutboundReply> AnswerAsync(MessageKey key, Question question, DateTimeOffset arrival, DateTimeOffset? firstArrival, CancellationToken cancellationToken) =>
        ReplyAsync(key, question, arrival, firstArrival, cancellationToken);

    /// <param name="firstArrival">As for <see cref="AnswerAsync"/>: a spoken 「继续」 too is claimed once heard.</param>
    public Task<OutboundReply> ContinueAsync(MessageKey key, DateTimeOffset arrival, DateTimeOffset? firstArrival, CancellationToken cancellationToken) =>
        ReplyAsync(key, ask: null, arrival, firstArrival, cancellationToken);

    /// <param name="ask">The question; <see langword="null"/> to continue the pending answer.</param>
    private async Task<OutboundReply> ReplyAsync(MessageKey key, Question? ask, DateTimeOffset arrival, DateTimeOffset? knownFirstArrival, CancellationToken cancellationToken)
    {
        var (firstArrival, claim, found) = await ArriveAsync(key, ask, arrival, knownFirstArrival ?? arrival);
        var adoption = lostAnswers.AdoptAsync(key, cancellationToken);
        if (claim is not null && ask is not null)
        {
            // The generation starts now and takes the turns and image that read finds when it needs them.
            generator.Start(claim, ask with { Known = ContextOf(adoption) });
        }

        var (lost, knownPosition, _) = await adoption;
        foreach (var stale in lost)
        {
            await generator.TryTakeOverAsync(stale, cancellationToken);
        }

        // A new question's answer may go out as customer-service messages; 「继续」 shows what is pending, passively.
        var route = ask is null ? PushRoute.Passive : await pushes.RouteAsync(cancellationToken);
        if (route == PushRoute.EveryAnswer)
        {
            await pushes.PlanAsync(key, firstArrival, offset: 0, page: 1, cancellationToken);
            return AcknowledgedReply.Instance;
        }

        var isLastAttempt = WeChatRetries.IsLastAttempt(firstArrival, arrival);
        var wechatGivesUp = WeChatRetries.GivesUpOn(firstArrival, arrival);
        // The last attempt stops waiting sooner: its position save and delivered mark must land while WeChat still
        // waits, or the follower sees WeChat's error instead of what has streamed.
        var deadline = isLastAttempt
            ? new[] { arrival + options.Value.ReplyDeadline, wechatGivesUp - LastAttemptWriteMargin }.Min()
            : arrival + options.Value.ReplyDeadline;
        for (var attempt = 1; ; attempt++)
        {
            // The position read with the lost answers serves the first try; a conflict means reading it again.
            var position = attempt == 1 && knownPosition is not null ? knownPosition : await positions.ReadAsync(key.FollowerId, cancellationToken);
            var pendingBefore = position.PendingBefore(key.MessageId);
            var source = ask is not null ? new PendingAnswer(key.MessageId, 0) : pendingBefore.Count > 0 ? pendingBefore[0] : null;
            if (source is null)
            {
                return new TextReply(FollowerTexts.NothingToContinue);
            }

            // An attempt at its own question shows the first page: if the answer finishes here meanwhile, its mark goes with it.
            var showsFirstPage = ask is not null && route == PushRoute.Passive;
            var answer = await WaitAsync(
                key.WithMessage(source.MessageId), snapshot => pager.HasPage(snapshot, source.Offset), deadline, showsFirstPage, source.MessageId == key.MessageId ? found : null, cancellationToken);
            found = null;
            if ((answer is not null && !pager.HasPage(answer, source.Offset) && !isLastAttempt) || timeProvider.GetUtcNow() >= wechatGivesUp)
            {
                // Too early to show a page, or WeChat stopped waiting: moving the position or marking the answer shown would
                // lose it. A retry will show it; after the last attempt, a mark the finished claim carried is withdrawn.
                if (isLastAttempt)
                {
                    marks.Withheld(key, arrival);
                }

                return WithheldReply.Instance;
            }

            if (route == PushRoute.TheRest && answer is not null && !pager.HasPage(answer, source.Offset))
            {
                // The last attempt, and no page yet: rather than a holding text, the whole answer follows when it is done.
                await pushes.PlanAsync(key, firstArrival, offset: 0, page: 1, cancellationToken);
                return AcknowledgedReply.Instance;
            }

            var others = pendingBefore.Where(pending => pending.MessageId != source.MessageId).ToList();
            var (reply, page) = pager.Reply(answer, source, others.Count > 0, restIsPushed: route == PushRoute.TheRest);
            var next = position.MovedBy(key.MessageId, pendingBefore, page is { HasMore: true } ? [source.After(page), .. others] : others);
            if (!position.DiffersFrom(next) || await positions.TrySaveAsync(key.FollowerId, next, cancellationToken) || attempt == ReadingPosition.MaxSaveConflicts)
            {
                if (answer is not null && source.Offset == 0 && page is { Shows: true }
                    && !await marks.TryMarkAsync(key.WithMessage(source.MessageId), arrival, wechatGivesUp, cancellationToken))
                {
                    return WithheldReply.Instance;
                }

                if (IsFirstPageOfAnAnswer(answer, source, page))
                {
                    statistics.AnswerDelivered(arrival, ask is null ? null : WeChatRetries.AttemptAt(firstArrival, arrival));
                    if (route == PushRoute.TheRest && page!.HasMore)
                    {
                        await pushes.PlanAsync(key, firstArrival, page.End, page: 2, cancellationToken);
                    }
                }

                return reply;
            }
        }
    }

    /// <summary>Waits for the answer as <see cref="AnswerWatcher.WaitAsync"/> does, taking over its generation when its instance went quiet.</summary>
    /// <param name="justRead">The claim as the arrival read it, which serves as the first read of an answer generating elsewhere.</param>
    private async Task<AnswerSnapshot?> WaitAsync(
        MessageKey key, Func<AnswerSnapshot, bool> isReady, DateTimeOffset deadline, bool showsFirstPage, ClaimRead? justRead, CancellationToken cancellationToken)
    {
        while (true)
        {
            var watched = await watcher.WaitAsync(key, isReady, deadline, cancellationToken, showsFirstPage, justRead);
            justRead = null;
            if (watched is not { State: WatchedState.Abandoned, Claim: { } stale })
            {
                return watched?.Snapshot;
            }

            // Taken over here or by another instance first: either way the claim shows progress again.
            await generator.TryTakeOverAsync(stale, cancellationToken);
        }
    }

    /// <summary>Whether the reply starts an answer: not an apology or a refusal, and not a later page of one.</summary>
    private static bool IsFirstPageOfAnAnswer(AnswerSnapshot? answer, PendingAnswer source, Page? page) =>
        answer is { Status: not AnswerStatus.Failed } && source.Offset == 0 && page is { Shows: true };

    /// <summary>Claims the message on its first arrival, not cancelled with the attempt: a claim whose generation never starts stalls every retry.</summary>
    /// <param name="firstArrival">When the message first arrived, if this attempt makes the claim.</param>
    /// <returns>When the message first arrived; the claim, if this attempt made it; the claim as read, if another made it.</returns>
    private async Task<(DateTimeOffset FirstArrival, ReplyClaim? Claim, ClaimRead? Found)> ArriveAsync(MessageKey key, Question? ask, DateTimeOffset arrival, DateTimeOffset firstArrival)
    {
        if (liveAnswers.TryGet(key, out var live))
        {
            return (live.FirstArrival, null, null);
        }

        if (await claims.TryAddAsync(ReplyClaim.New(key, ask?.Text, firstArrival, ask?.Form ?? QuestionForm.Typed, ask?.Preface ?? ""), CancellationToken.None) is { } claim)
        {
            statistics.MessageReceived(key.FollowerId, arrival);
            return (firstArrival, claim, null);
        }

        var readStarted = timeProvider.GetUtcNow();
        var found = await claims.FindAsync(key, CancellationToken.None);
        return (found?.FirstArrival ?? firstArrival, null, found is null ? null : new ClaimRead(found, readStarted));
    }

    /// <summary>What the read of the follower's partition found for the prompt, or nothing when it failed.</summary>
    private static async Task<FollowerContext?> ContextOf(Task<(IReadOnlyList<ReplyClaim> Stale, ReadingPosition? Position, FollowerContext? Context)> adoption)
    {
        try
        {
            return (await adoption).Context;
        }
        catch (Exception)
        {
            return null; // the attempt reports the failure; the generation reads for itself
        }
    }
}
