using WeChatFunctions.Dialog;
using WeChatFunctions.Limits;
using WeChatFunctions.Model;
using WeChatFunctions.Statistics;
using WeChatFunctions.Text;

namespace WeChatFunctions.Answering;

/// <summary>
/// What an answer costs: the question is charged, with its tokens reserved, and moderated before the model is called.
/// The answer then settles the charge to the tokens it used, or refunds it when it got no answer, and is counted in
/// the statistics.
/// </summary>
internal sealed class AnswerAdmission(Quota quota, AnswerModeration moderation, StatisticsRecorder statistics, ILogger<AnswerAdmission> logger)
{
    /// <summary>The charge of a taken-over claim, made by the instance that made the claim.</summary>
    public QuotaCharge TakenOver(ReplyClaim claim) => quota.TakenOver(claim.Key.FollowerId, claim.FirstArrival, claim.Key.MessageId);

    /// <summary>
    /// Charges <paramref name="newQuestion"/>, reserving <paramref name="tokens"/> for its answer (a taken-over claim
    /// was charged by its maker, and passes none), then moderates the claim's question. Charging first puts the limits
    /// in front of the moderation service too; a question moderation stops is refunded like any that got no answer.
    /// </summary>
    /// <returns>What the follower gets instead of an answer, if anything, and the charge the answer settles, if any.</returns>
    public async Task<(DialogOutcome? Refusal, QuotaCharge? Charge)> AdmitAsync(
        ReplyClaim claim, Question? newQuestion, long tokens, CancellationToken cancellationToken)
    {
        var charge = TakenOver(claim);
        if (newQuestion is not null)
        {
            QuotaDecision decision;
            try
            {
                decision = await quota.TryChargeAsync(claim.Key.FollowerId, newQuestion.Policy, claim.FirstArrival, claim.Key.MessageId, tokens, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                AnsweringLog.QuotaUnavailable(logger, exception);
                return (DialogOutcome.Failed(FollowerTexts.StorageUnavailable), null);
            }

            if (decision.Charge is null)
            {
                statistics.Refused(claim.FirstArrival, decision.Refusal);
                return (DialogOutcome.Failed(decision.RefusalText!), null);
            }

            charge = decision.Charge;
        }

        return (await moderation.RefuseQuestionAsync(claim.Question!, claim.FirstArrival, cancellationToken), charge);
    }

    /// <summary>
    /// Counts the outcome in the statistics, and settles <paramref name="charge"/> to the tokens used, taking the
    /// question back too when <paramref name="refund"/> says so; the caller makes sure a refund is made once. The
    /// settlement is written before an answer leaves, so the follower's next question is judged against it; a
    /// failed write is logged, never shown.
    /// </summary>
    public async Task SettleAsync(ReplyClaim claim, QuotaCharge? charge, DialogOutcome outcome, bool refund, CancellationToken cancellationToken)
    {
        if (outcome.IsModelError)
        {
            statistics.ModelFailed(claim.FirstArrival);
        }

        if (outcome.IsAnswer || outcome.Usage != TokenUsage.None)
        {
            statistics.Spent(claim.FirstArrival, outcome.Usage, answered: outcome.IsAnswer, blocked: outcome.IsBlocked);
        }

        if (charge is null)
        {
            return;
        }

        try
        {
            await quota.SettleAsync(charge, outcome.Usage, refund, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            AnsweringLog.ChargeNotSettled(logger, claim.Key.MessageId, exception);
        }
    }
}
