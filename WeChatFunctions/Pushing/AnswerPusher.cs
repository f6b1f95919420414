using Microsoft.Extensions.Options;
using WeChatFunctions.Answering;
using WeChatFunctions.Claims;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Pushing;

/// <summary>
/// Sends a finished answer as customer-service messages, in order, one at a time, by one instance at a time: the job's
/// lease says which. Each send is recorded before and after it. A send whose instance died during the call is sent
/// again: WeChat offers no way to ask whether it arrived, and a message shown twice is better than one lost. A
/// failure that retrying cannot fix (no permission, IP not whitelisted, window closed, quota used up) falls back to
/// passive replies: what was not pushed waits for 「继续」.
/// </summary>
internal sealed class AnswerPusher(
    IPushJobStore jobs,
    IReplyClaimStore claims,
    PushedAnswerPosition position,
    WeChatApiClient api,
    PushPlanner planner,
    TimeProvider timeProvider,
    IOptions<CustomerServiceOptions> options,
    ILogger<AnswerPusher> logger)
{
    /// <summary>Far longer than a few sends take; an instance that died holding it leaves the job for this long at most.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>After a failure that may pass (WeChat busy, no answer), the next try waits this long.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(20);

    private const int MaxFailures = 5;

    /// <summary>Pushes what is left of the message's answer, if it has a job, is finished and no other instance is pushing it.</summary>
    /// <param name="finished">The answer as its generation just saved it, or <see langword="null"/> to read it from the claim.</param>
    /// <returns>The claim while its answer is still generating, for the caller to leave or take over; otherwise <see langword="null"/>.</returns>
    public async Task<ReplyClaim?> PushAsync(MessageKey key, CancellationToken cancellationToken, AnswerSnapshot? finished = null)
    {
        var job = await jobs.FindAsync(key, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (job is null || job.LeaseUntil > now)
        {
            return null;
        }

        var answer = finished;
        if (answer is null)
        {
            var claim = await claims.FindAsync(key, cancellationToken);
            if (claim is null)
            {
                // The claim expired with its answer: there is nothing left to send.
                await jobs.RemoveAsync(job, unpushed: false, cancellationToken);
                return null;
            }

            if (!claim.Answer.IsFinished)
            {
                return claim;
            }

            answer = claim.Answer;
        }

        if (now > job.FirstArrival + PushJob.Window)
        {
            await FinishAsync(job, hasMore: true, WeChatApiProblem.WindowClosed.Describe(), cancellationToken);
            return null;
        }

        await SendAsync(job, answer, cancellationToken);
        return null;
    }

    /// <summary>The write that marks each send as started also takes or renews the lease, against the version read.</summary>
    private async Task SendAsync(PushJob job, AnswerSnapshot answer, CancellationToken cancellationToken)
    {
        if (job.Sending)
        {
            PushingLog.ResendingUnconfirmed(logger, job.Key.MessageId);
        }

        var (messages, hasMore) = planner.Plan(answer, job.SentEnd, options.Value.MaxPushedMessages - job.Sent);
        foreach (var message in messages)
        {
            if (await jobs.TryReplaceAsync(job with { Sending = true, LeaseUntil = timeProvider.GetUtcNow() + Lease }, cancellationToken) is not { } sending)
            {
                return; // another instance took the job first, or took it over once the lease ran out
            }

            try
            {
                await (message.Media is { } media
                    ? api.SendMediaAsync(job.Key.FollowerId, media.Kind, media.MediaId, cancellationToken)
                    : api.SendTextAsync(job.Key.FollowerId, message.Text, cancellationToken));
            }
            catch (WeChatApiException failure) when (failure.Problem == WeChatApiProblem.Unavailable && sending.Failures + 1 < MaxFailures)
            {
                PushingLog.PushDeferred(logger, job.Key.MessageId, sending.Failures + 1, failure);
                await jobs.TryReplaceAsync(sending with { Failures = sending.Failures + 1, LeaseUntil = timeProvider.GetUtcNow() + RetryDelay }, cancellationToken);
                return;
            }
            catch (WeChatApiException failure)
            {
                await FinishAsync(sending with { Sending = false }, hasMore: true, failure.Problem.Describe(), cancellationToken);
                return;
            }

            var sent = sending with { Sending = false, Sent = sending.Sent + 1, SentEnd = message.End, Page = sending.Page + 1 };
            if (await jobs.TryReplaceAsync(sent, cancellationToken) is not { } recorded)
            {
                return;
            }

            job = recorded;
        }

        PushingLog.Pushed(logger, job.Key.MessageId, job.Sent, hasMore);
        await FinishAsync(job, hasMore, fallbackReason: null, cancellationToken);
    }

    /// <summary>
    /// Records what the follower has: an answer pushed in part or whole is marked shown, and what is left, pushed or
    /// not, becomes the follower's newest pending answer, for 「继续」 at once.
    /// </summary>
    private async Task FinishAsync(PushJob job, bool hasMore, string? fallbackReason, CancellationToken cancellationToken)
    {
        if (fallbackReason is not null)
        {
            PushingLog.FellBack(logger, job.Key.MessageId, job.Sent, fallbackReason);
        }

        if (job.Sent > 0)
        {
            await claims.MarkDeliveredAsync(job.Key, timeProvider.GetUtcNow(), cancellationToken);
        }

        // A job that started at the answer's beginning had no passive page, so the position holds nothing of it to move.
        if (hasMore || (job.Sent > 0 && job.Page - job.Sent > 1))
        {
            await position.ShowAsync(job.Key, hasMore ? new PendingAnswer(job.Key.MessageId, job.SentEnd, job.Page) : null, cancellationToken);
        }

        await jobs.RemoveAsync(job, unpushed: job.Sent == 0, cancellationToken);
    }
}
