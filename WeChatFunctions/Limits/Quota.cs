using Microsoft.Extensions.Options;
using WeChatFunctions.Model;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;

namespace WeChatFunctions.Limits;

/// <summary>
/// The daily question and token limits, the account's daily token budget and the per-minute rate limit. A question
/// is charged when its generation starts, so two questions racing for the last one cannot both pass, and refunded
/// when it produced no answer. Tokens are recorded once an answer is produced, so a question is refused once the
/// tokens used so far reach a budget; an answer in flight can overshoot it by at most <c>max_answer_tokens</c>.
/// </summary>
internal sealed class Quota(
    IUsageStore usage,
    IAccountTokens accountTokens,
    QuotaDays days,
    IOptions<QuotaOptions> quota,
    IOptions<AdminOptions> admin,
    TimeProvider timeProvider)
{
    public async Task<QuotaDecision> TryChargeAsync(string followerId, FollowerPolicy policy, DateTimeOffset askedAt, CancellationToken cancellationToken)
    {
        var day = days.DayOf(askedAt);
        var whiteListed = IsWhiteListed(followerId, policy);
        var accountBudget = quota.Value.GlobalDailyTokenLimit;
        if (!whiteListed && accountBudget > 0 && await accountTokens.TokensOnAsync(day, cancellationToken) >= accountBudget)
        {
            return new QuotaDecision(QuotaRefusal.AccountTokens, FollowerTexts.AccountOutOfTokens(HoursUntilReset(askedAt)));
        }

        var limits = whiteListed ? UsageLimits.None : LimitsOf(policy);
        var admission = new Admission(null, QuotaRefusal.None);
        await usage.TryChangeAsync(followerId, day, current => (admission = limits.Admit(current, askedAt)).Charged, cancellationToken);
        return admission.Refusal switch
        {
            QuotaRefusal.None => QuotaDecision.Charged,
            QuotaRefusal.DailyQuestions => new(admission.Refusal, FollowerTexts.OverQuota(limits.DailyQuestions, HoursUntilReset(askedAt), admin.Value.AdminEmail)),
            QuotaRefusal.DailyTokens => new(admission.Refusal, FollowerTexts.OverTokenQuota(limits.DailyTokens, HoursUntilReset(askedAt), admin.Value.AdminEmail)),
            _ => RateLimited(limits, admission, askedAt),
        };
    }

    /// <summary>An image counts toward the follower's rate like a question, though not toward the day's questions.</summary>
    public async Task<QuotaDecision> TryChargeRateAsync(string followerId, FollowerPolicy policy, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var limits = LimitsOf(policy);
        if (limits.PerMinute == 0 || IsWhiteListed(followerId, policy))
        {
            return QuotaDecision.Charged;
        }

        var admission = new Admission(null, QuotaRefusal.None);
        await usage.TryChangeAsync(followerId, days.DayOf(sentAt), current => (admission = limits.AdmitToRate(current, sentAt)).Charged, cancellationToken);
        return admission.Refusal == QuotaRefusal.None ? QuotaDecision.Charged : RateLimited(limits, admission, sentAt);
    }

    public Task RefundAsync(string followerId, DateTimeOffset askedAt, CancellationToken cancellationToken) =>
        usage.TryChangeAsync(followerId, days.DayOf(askedAt), current => current.Questions > 0 ? current with { Questions = current.Questions - 1 } : null, cancellationToken);

    /// <summary>Adds an answer's tokens, as the API reported them, to the follower's day.</summary>
    public Task RecordTokensAsync(string followerId, DateTimeOffset askedAt, TokenUsage tokens, CancellationToken cancellationToken) =>
        usage.TryChangeAsync(followerId, days.DayOf(askedAt), current => current.Plus(tokens), cancellationToken);

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

    private static QuotaDecision RateLimited(UsageLimits limits, Admission admission, DateTimeOffset at) =>
        new(QuotaRefusal.RateLimited, FollowerTexts.RateLimited(limits.PerMinute, Math.Max(1, (int)Math.Ceiling((admission.RetryAt - at).TotalSeconds))));

    private UsageLimits LimitsOf(FollowerPolicy policy) =>
        new(policy.DailyLimit ?? policy.DefaultLimit ?? quota.Value.DailyLimit, quota.Value.DailyTokenLimit, quota.Value.RateLimitPerMinute);
}

/// <summary>Whether a question was charged, or why not and what the follower is told.</summary>
internal sealed record QuotaDecision(QuotaRefusal Refusal, string? RefusalText)
{
    public static readonly QuotaDecision Charged = new(QuotaRefusal.None, null);

    public bool IsCharged => Refusal == QuotaRefusal.None;
}
