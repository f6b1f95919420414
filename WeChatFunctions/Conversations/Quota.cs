using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Conversations;

/// <summary>
/// The daily question limit. A question is charged when its generation starts, so two questions racing for the last
/// one cannot both pass, and refunded when it produced no answer.
/// </summary>
internal sealed class Quota(IUsageStore usage, QuotaDays days, IOptions<QuotaOptions> quota, IOptions<AdminOptions> admin, TimeProvider timeProvider)
{
    public Task<bool> TryChargeAsync(string followerId, FollowerPolicy policy, DateTimeOffset askedAt, CancellationToken cancellationToken) =>
        usage.TryChargeAsync(followerId, days.DayOf(askedAt), LimitOf(followerId, policy), cancellationToken);

    public Task RefundAsync(string followerId, DateTimeOffset askedAt, CancellationToken cancellationToken) =>
        usage.RefundAsync(followerId, days.DayOf(askedAt), cancellationToken);

    /// <summary>The reply to a question over the limit: how many, when the count resets, and whom to ask for more.</summary>
    public string OverQuotaText(string followerId, FollowerPolicy policy, DateTimeOffset askedAt)
    {
        var untilReset = days.NextReset(askedAt) - timeProvider.GetUtcNow();
        return FollowerTexts.OverQuota(LimitOf(followerId, policy), Math.Max(1, (int)Math.Ceiling(untilReset.TotalHours)), admin.Value.AdminEmail);
    }

    /// <returns>The follower's daily limit; 0 for none.</returns>
    public int LimitOf(string followerId, FollowerPolicy policy) =>
        IsWhiteListed(followerId, policy) ? 0 : policy.DailyLimit ?? policy.DefaultLimit ?? quota.Value.DailyLimit;

    /// <summary>Whitelisted by command or setting, or an admin: no limit.</summary>
    public bool IsWhiteListed(string followerId, FollowerPolicy policy) =>
        policy.WhiteListed || admin.Value.WhiteListUserIdSet.Contains(followerId) || admin.Value.AdminUserIdSet.Contains(followerId);

    public Task<int> QuestionsTodayAsync(string followerId, CancellationToken cancellationToken) =>
        usage.QuestionsAsync(followerId, days.DayOf(timeProvider.GetUtcNow()), cancellationToken);
}
