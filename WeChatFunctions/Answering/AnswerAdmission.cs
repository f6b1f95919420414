using WeChatFunctions.Dialog;
using WeChatFunctions.Limits;
using WeChatFunctions.Model;
using WeChatFunctions.Statistics;
using WeChatFunctions.Text;

namespace WeChatFunctions.Answering;

/// <summary>
/// What an answer costs: the question is charged and moderated before the model is called, refunded when it got no
/// answer, and the answer's tokens are recorded against the follower and in the statistics.
/// </summary>
internal sealed class AnswerAdmission(Quota quota, AnswerModeration moderation, StatisticsRecorder statistics, ILogger<AnswerAdmission> logger)
{
    /// <summary>
    /// Charges <paramref name="newQuestion"/> (a taken-over claim was charged by its maker, and passes none), then
    /// moderates the claim's question. Charging first puts the limits in front of the moderation service too; a
    /// question moderation stops is refunded like any question that got no answer.
    /// </summary>
    /// <returns>What the follower gets instead of an answer, if anything, and whether the question stands charged.</returns>
    public async Task<(DialogOutcome? Refusal, bool Charged)> AdmitAsync(ReplyClaim claim, Question? newQuestion, CancellationToken cancellationToken)
    {
        if (newQuestion is not null)
        {
            QuotaDecision decision;
            try
            {
                decision = await quota.TryChargeAsync(claim.Key.FollowerId, newQuestion.Policy, claim.FirstArrival, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                AnsweringLog.QuotaUnavailable(logger, exception);
                return (DialogOutcome.Failed(FollowerTexts.StorageUnavailable), false);
            }

            if (!decision.IsCharged)
            {
                statistics.Refused(claim.FirstArrival, decision.Refusal);
                return (DialogOutcome.Failed(decision.RefusalText!), false);
            }
        }

        return (await moderation.RefuseQuestionAsync(claim.Question!, claim.FirstArrival, cancellationToken), true);
    }

    /// <summary>
    /// The answer in the statistics, and its tokens in the follower's usage. The usage is written before the answer
    /// leaves, so the follower's next question is judged against it; a failed write is logged, never shown.
    /// </summary>
    public async Task RecordAsync(ReplyClaim claim, DialogOutcome outcome, CancellationToken cancellationToken)
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
            AnsweringLog.TokensNotRecorded(logger, claim.Key.MessageId, exception);
        }
    }

    /// <summary>A question that got no answer costs nothing; the caller makes sure the refund is made once.</summary>
    public async Task RefundAsync(ReplyClaim claim, CancellationToken cancellationToken)
    {
        try
        {
            await quota.RefundAsync(claim.Key.FollowerId, claim.FirstArrival, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            AnsweringLog.RefundFailed(logger, claim.Key.MessageId, exception);
        }
    }
}
