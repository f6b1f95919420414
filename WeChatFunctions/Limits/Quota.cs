using Microsoft.Extensions.Options;
using WeChatFunctions.Model;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;

namespace WeChatFunctions.Limits;

/// <summary>
/// The daily question and token limits, the account's daily token budget and the per-minute rate limit. A question
/// is charged before its model call: it counts against the day's questions and holds a reservation of the most its
/// answer can cost, so that answers in flight together cannot overshoot a token budget. Its answer settles the
/// reservation to the tokens really used, and a question that got no answer is refunded.
/// </summary>
internal sealed class Quota(
    IUsageStore usage,
    AccountBudget accountBudget,
    QuotaDays days,
    IOptions<QuotaOptions> quota,
    IOptions<AdminOptions> admin,
    IOptions<ReplyWindowOptions> replyWindow,
    TimeProvider timeProvider)
{
    /// <param name="messageId">Names the reservation, so that whichever instance finishes the answer settles it.</param>
    /// <param name="tokens">The most the answer can cost: its prompt plus <c>max_answer_tokens</c>.</param>
    public async Task<QuotaDecision> TryChargeAsync(
        string followerId, FollowerPolicy policy, DateTimeOffset askedAt, string messageId, long tokens, CancellationToken cancellationToken)
    {
        var day = days.DayOf(askedAt);
        var whiteListed = IsWhiteListed(followerId, policy);
        var accountTokens = whiteListed ? 0 : tokens;
        if (accountTokens > 0 && !await accountBudget.TryReserveAsync(day, accountTokens, cancellationToken))
        {
            return new QuotaDecision(QuotaRefusal.AccountTokens, FollowerTexts.AccountOutOfTokens(HoursUntilReset(askedAt)));
        }

        var limits = whiteListed ? UsageLimits.None : LimitsOf(policy);
        var reservation = new TokenReservation(messageId, tokens, askedAt + ReservationLife);
        var admission = new Admission(null, QuotaRefusal.None);
        try
        {
            await usage.TryChangeAsync(followerId, day, current => (admission = limits.Admit(current, askedAt, reservation)).Charged, followsOwnWrite: false, cancellationToken);
        }
        catch (Exception exception)
        {
            accountBudget.Settle(day, accountTokens, used: 0);
            if (exception is not OperationCanceledException)
            {
                // The charge may have landed though its response was lost: take it back, as the question gets no answer.
                await TakeBackAsync(followerId, day, messageId);
            }

            throw;
        }

        if (admission.Refusal != QuotaRefusal.None)
        {
            accountBudget.Settle(day, accountTokens, used: 0);
        }

        return admission.Refusal switch
        {
            QuotaRefusal.None => QuotaDecision.ChargedWith(new QuotaCharge(followerId, day, messageId, accountTokens)),
            QuotaRefusal.DailyQuestions => new(admission.Refusal, FollowerTexts.OverQuota(limits.DailyQuestions, HoursUntilReset(askedAt), admin.Value.AdminEmail)),
            QuotaRefusal.DailyTokens => new(admission.Refusal, FollowerTexts.OverTokenQuota(limits.DailyTokens, HoursUntilReset(askedAt), admin.Value.AdminEmail)),
            _ => RateLimited(limits, admission, askedAt),
        };
    }

    /// <summary>The charge of a question another instance charged, and died before answering.</summary>
    public QuotaCharge TakenOver(string followerId, DateTimeOffset askedAt, string messageId) => new(followerId, days.DayOf(askedAt), messageId, AccountTokens: 0);

    /// <summary>
    /// Gives back what the account's budget held beyond the tokens used, and says how the follower's usage settles:
    /// the reservation replaced with the tokens used and, for a question that got no answer, the question taken back.
    /// Call it once per charge; <see cref="SettleAsync"/> or the finished claim's transaction writes it.
    /// </summary>
    public ChargeSettlement Settlement(QuotaCharge charge, TokenUsage used, bool refund)
    {
        accountBudget.Settle(charge.Day, charge.AccountTokens, used.Total);
        return new ChargeSettlement(charge, used, refund);
    }

    /// <summary>Writes a settlement on its own, where the finished claim could not carry it.</summary>
    public Task SettleAsync(ChargeSettlement settlement, CancellationToken cancellationToken) =>
        usage.TryChangeAsync(settlement.Charge.FollowerId, settlement.Charge.Day, settlement.ApplyTo, followsOwnWrite: true, cancellationToken);

    /// <summary>An image counts toward the follower's rate like a question, though not toward the day's questions.</summary>
    public async Task<QuotaDecision> TryChargeRateAsync(string followerId, FollowerPolicy policy, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var limits = LimitsOf(policy);
        if (limits.PerMinute == 0 || IsWhiteListed(followerId, policy))
        {
            return QuotaDecision.Charged;
        }

        var admission = new Admission(null, QuotaRefusal.None);
        await usage.TryChangeAsync(followerId, days.DayOf(sentAt), current => (admission = limits.AdmitToRate(current, sentAt)).Charged, followsOwnWrite: false, cancellationToken);
        return admission.Refusal == QuotaRefusal.None ? QuotaDecision.Charged : RateLimited(limits, admission, sentAt);
    }

    /// <returns>The follower's daily question limit; 0 for none.</returns>
    public int LimitOf(string followerId, FollowerPolicy policy) => IsWhiteListed(followerId, policy) ? 0 : LimitsOf(policy).DailyQuestions;

    /// <returns>The follower's daily token limit; 0 for none.</returns>
    public long TokenLimitOf(string followerId, FollowerPolicy policy) => IsWhiteListed(followerId, policy) ? 0 : quota.Value.DailyTokenLimit;

    /// <summary>Whitelisted by command or setting, or an admin: no limit.</summary>
    public bool IsWhiteListed(string followerId, FollowerPolicy policy) =>
        policy.WhiteListed || admin.Value.WhiteListFollowerIdSet.Contains(followerId) || admin.Value.AdminFollowerIdSet.Contains(followerId);

    public Task<FollowerUsage> TodayAsync(string followerId, CancellationToken cancellationToken) =>
        usage.GetAsync(followerId, days.DayOf(timeProvider.GetUtcNow()), cancellationToken);

    public int HoursUntilReset(DateTimeOffset moment) =>
        Math.Max(1, (int)Math.Ceiling((days.NextReset(moment) - timeProvider.GetUtcNow()).TotalHours));

    private async Task TakeBackAsync(string followerId, string day, string messageId)
    {
        try
        {
            await SettleAsync(new ChargeSettlement(new QuotaCharge(followerId, day, messageId, AccountTokens: 0), TokenUsage.None, Refund: true), CancellationToken.None);
        }
        catch (Exception)
        {
            // Storage is failing; an unsettled reservation runs out by itself, and the question stays counted.
        }
    }

    /// <summary>
    /// How long a reservation counts when no answer settles it: a generation's longest run, twice, for a takeover after
    /// its first instance died.
    /// </summary>
    private TimeSpan ReservationLife => 2 * replyWindow.Value.GenerationTimeout + TimeSpan.FromMinutes(1);

    private static QuotaDecision RateLimited(UsageLimits limits, Admission admission, DateTimeOffset at) =>
        new(QuotaRefusal.RateLimited, FollowerTexts.RateLimited(limits.PerMinute, Math.Max(1, (int)Math.Ceiling((admission.RetryAt - at).TotalSeconds))));

    private UsageLimits LimitsOf(FollowerPolicy policy) =>
        new(policy.DailyLimit ?? policy.DefaultLimit ?? quota.Value.DailyLimit, quota.Value.DailyTokenLimit, quota.Value.RateLimitPerMinute);
}

/// <summary>Whether a question was charged, or why not and what the follower is told.</summary>
internal sealed record QuotaDecision(QuotaRefusal Refusal, string? RefusalText, QuotaCharge? Charge = null)
{
    public static readonly QuotaDecision Charged = new(QuotaRefusal.None, null);

    public static QuotaDecision ChargedWith(QuotaCharge charge) => new(QuotaRefusal.None, null, charge);

    public bool IsCharged => Refusal == QuotaRefusal.None;
}
