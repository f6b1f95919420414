using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;

namespace WeChatFunctions.Limits;

/// <summary>
/// The pictures a follower may have drawn per quota day (<c>image_daily_limit</c>), kept in their usage row beside
/// the questions: a picture is charged before it is drawn, under the message it is drawn for, and refunded when none
/// came, so only pictures produced count. Charging and refunding by the message makes either safe to repeat.
/// </summary>
internal sealed class PictureQuota(
    IUsageStore usage, Quota quota, QuotaDays days, IOptions<ImageGenerationOptions> options, IOptions<QuotaOptions> quotaOptions, IOptions<AdminOptions> admin)
{
    /// <param name="pictureId">The message the picture is drawn for.</param>
    /// <param name="countsTowardRate">A <c>/画</c> is a message of its own and counts toward <c>rate_limit_per_minute</c>; the <c>draw</c> tool's question did already.</param>
    public async Task<QuotaDecision> TryChargeAsync(
        string followerId, FollowerPolicy policy, DateTimeOffset askedAt, string pictureId, bool countsTowardRate, CancellationToken cancellationToken)
    {
        var limit = options.Value.DailyLimit;
        var perMinute = countsTowardRate ? quotaOptions.Value.RateLimitPerMinute : 0;
        if (quota.IsWhiteListed(followerId, policy) || (limit == 0 && perMinute == 0))
        {
            // Nothing to count against: no entry is kept, so the row cannot grow without bound.
            return QuotaDecision.Charged;
        }

        var decision = QuotaDecision.Charged;
        await usage.TryChangeAsync(
            followerId,
            days.DayOf(askedAt),
            current =>
            {
                if (current.Pictures.Contains(pictureId, StringComparer.Ordinal))
                {
                    decision = QuotaDecision.Charged; // a write whose response was lost, and was retried
                    return null;
                }

                if (limit > 0 && current.Pictures.Count >= limit)
                {
                    decision = new QuotaDecision(QuotaRefusal.DailyPictures, FollowerTexts.OverPictureQuota(limit, quota.HoursUntilReset(askedAt), admin.Value.AdminEmail));
                    return null;
                }

                var charged = limit > 0 ? current with { Pictures = [.. current.Pictures, pictureId] } : current;
                var admission = new UsageLimits(0, 0, perMinute).AdmitToRate(charged, askedAt);
                decision = admission.Charged is null
                    ? new QuotaDecision(QuotaRefusal.RateLimited, FollowerTexts.RateLimited(perMinute, Math.Max(1, (int)Math.Ceiling((admission.RetryAt - askedAt).TotalSeconds))))
                    : QuotaDecision.Charged;
                return admission.Charged;
            },
            followsOwnWrite: false,
            cancellationToken);
        return decision;
    }

    /// <summary>Takes back the picture charged for <paramref name="pictureId"/>, if it was: none was drawn.</summary>
    public Task RefundAsync(string followerId, DateTimeOffset askedAt, string pictureId, CancellationToken cancellationToken) =>
        usage.TryChangeAsync(
            followerId,
            days.DayOf(askedAt),
            current => current.Pictures.Contains(pictureId, StringComparer.Ordinal)
                ? current with { Pictures = [.. current.Pictures.Where(charged => charged != pictureId)] }
                : null,
            followsOwnWrite: true,
            cancellationToken);

    /// <returns>The follower's daily picture limit; 0 for none.</returns>
    public int LimitOf(string followerId, FollowerPolicy policy) => quota.IsWhiteListed(followerId, policy) ? 0 : options.Value.DailyLimit;
}
