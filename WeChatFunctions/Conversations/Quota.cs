using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Conversations;

/// <summary>
/// The daily question limit. A question is charged when its generation starts, so two questions racing for the last
/// one cannot both pass, and refunded when it produced no answer.
/// </summary>
internal sealed class Quota(IUsageStore usage, QuotaDays days, IOptions<QuotaOptions> quota, IOptions<AdminOptions> admin, TimeProvider timeProvider)
{
    public Task<bool> TryChargeAsync(string followerId, DateTimeOffset askedAt, CancellationToken cancellationToken) =>
        usage.TryChargeAsync(followerId, days.DayOf(askedAt), IsUnlimited(followerId) ? 0 : quota.Value.DailyLimit, cancellationToken);

    public Task RefundAsync(string followerId, DateTimeOffset askedAt, CancellationToken cancellationToken) =>
        usage.RefundAsync(followerId, days.DayOf(askedAt), cancellationToken);

    /// <summary>The reply to a question over the limit: how many, when the count resets, and whom to ask for more.</summary>
    public string OverQuotaText(DateTimeOffset askedAt)
    {
        var untilReset = days.NextReset(askedAt) - timeProvider.GetUtcNow();
        return FollowerTexts.OverQuota(quota.Value.DailyLimit, Math.Max(1, (int)Math.Ceiling(untilReset.TotalHours)), admin.Value.AdminEmail);
    }

    private bool IsUnlimited(string followerId) =>
        admin.Value.WhiteListUserIdSet.Contains(followerId) || admin.Value.AdminUserIdSet.Contains(followerId);
}
