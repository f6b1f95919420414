using WeChatFunctions.Admin;
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
internal sealed class AnswerAdmission(
    Quota quota, IAdminStore adminStore, AnswerModeration moderation, StatisticsRecorder statistics, ILogger<AnswerAdmission> logger)
{
    /// <summary>The charge of a taken-over claim, made by the instance that made the claim, if it lived long enough.</summary>
    public QuotaCharge TakenOver(ReplyClaim claim) => quota.TakenOver(claim.Key.FollowerId, claim.FirstArrival, claim.Key.MessageId);

    /// <summary>
    /// Charges the claim's question, reserving <paramref name="tokens"/> for its answer, then moderates it. Charging
    /// first puts the limits in front of the moderation service too; a question moderation stops is refunded like any
    /// that got no answer. A taken-over question (<paramref name="newQuestion"/> is <see langword="null"/>) was charged
    /// by its first owner unless that owner died first; the follower's usage knows which, and charges it only then.
    /// </summary>
    /// <returns>What the follower gets instead of an answer, if anything, and the charge the answer settles, if any.</returns>
    public async Task<(DialogOutcome? Refusal, QuotaCharge? Charge)> AdmitAsync(
        ReplyClaim claim, Question? newQuestion, long tokens, CancellationToken cancellationToken)
    {
        QuotaDecision decision;
        try
        {
            var policy = newQuestion?.Policy ?? await adminStore.GetPolicyAsync(claim.Key.FollowerId, cancellationToken);
            decision = await quota.TryChargeAsync(claim.Key.FollowerId, policy, claim.FirstArrival, claim.Key.MessageId, tokens, cancellationToken);
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

        return (await moderation.RefuseQuestionAsync(claim.Question!, claim.FirstArrival, cancellationToken), decision.Charge);
    }

    /// <summary>
    /// Counts the outcome in the statistics, and says how <paramref name="charge"/> settles: to the tokens used, taking
    /// the question back too when <paramref name="refund"/> says so. The settlement is written with the finished claim,
    /// or on its own by <see cref="WriteAsync"/>, before the answer leaves, so the follower's next question is judged
    /// against it.
    /// </summary>
    public ChargeSettlement? Settle(ReplyClaim claim, QuotaCharge? charge, DialogOutcome outcome, bool refund)
    {
        if (outcome.IsModelError)
        {
            statistics.ModelFailed(claim.FirstArrival);
        }

        if (outcome.IsAnswer || outcome.Usage != TokenUsage.None)
        {
            statistics.Spent(claim.Key.FollowerId, claim.FirstArrival, outcome.Usage, answered: outcome.IsAnswer, blocked: outcome.IsBlocked, outcome.Timing);
        }

        return charge is null ? null : quota.Settlement(charge, outcome.Usage, refund);
    }

    /// <summary>Writes a settlement the finished claim could not carry; a failed write is logged, never shown.</summary>
    public async Task WriteAsync(ChargeSettlement settlement, CancellationToken cancellationToken)
    {
        try
        {
            await quota.SettleAsync(settlement, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            AnsweringLog.ChargeNotSettled(logger, settlement.Charge.MessageId, exception);
        }
    }
}
