using Microsoft.Extensions.Options;
using WeChatFunctions.Limits;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Cleanup;

/// <summary>
/// The periodic cleanup: message claims and their pages once WeChat and the follower are long done with them (a day),
/// conversation turns past <c>history_retention_days</c>, the replay check's push fingerprints once their
/// timestamps would be refused anyway, and per-follower usage older than the week that <c>get_stat</c> ranks (the
/// day totals stay). Deletes are idempotent, so two runs at once are safe.
/// </summary>
internal sealed class ExpiredDataCleanup(
    IExpiredDataStore store,
    QuotaDays days,
    TimeProvider timeProvider,
    IOptions<CleanupOptions> options,
    IOptions<WeChatOptions> weChatOptions,
    ILogger<ExpiredDataCleanup> logger)
{
    /// <summary>The 7 days of the spend ranking, and one more for time zones.</summary>
    private static readonly TimeSpan FollowerUsageLifetime = TimeSpan.FromDays(8);

    /// <summary>Bounds one run to a few seconds; a backlog is worked off over the following runs.</summary>
    public const int MaxRowsPerTable = 500;

    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(1);

    public async Task<CleanupReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var claims = await store.DeleteClaimsBeforeAsync(now - ClaimLifetime - WeChatRetries.Window, MaxRowsPerTable, cancellationToken);
        var turns = await store.DeleteTurnsBeforeAsync(now - TimeSpan.FromDays(options.Value.HistoryRetentionDays), MaxRowsPerTable, cancellationToken);
        // A push's timestamp is at most the skew from its first arrival, and a replay at most the skew from the timestamp.
        var pushes = await store.DeletePushesBeforeAsync(now - 2 * TimeSpan.FromSeconds(weChatOptions.Value.MaxClockSkewSeconds) - WeChatRetries.Window, MaxRowsPerTable, cancellationToken);
        var usage = await store.DeleteFollowerUsageBeforeAsync(days.DayOf(now - FollowerUsageLifetime), MaxRowsPerTable, cancellationToken);
        var report = new CleanupReport(claims, turns, pushes, usage);
        CleanupLog.CleanedUp(logger, claims, turns, pushes, usage);
        return report;
    }
}

internal sealed record CleanupReport(int ClaimsDeleted, int TurnsDeleted, int PushesDeleted, int FollowerUsageDeleted)
{
    public override string ToString() =>
        $"Deleted {ClaimsDeleted} expired message claims, {TurnsDeleted} conversation turns past retention, {PushesDeleted} push fingerprints and {FollowerUsageDeleted} old per-follower usage rows.";
}
