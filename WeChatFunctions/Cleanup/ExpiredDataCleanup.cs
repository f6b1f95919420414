using Microsoft.Extensions.Options;
using WeChatFunctions.Limits;
using WeChatFunctions.Links;
using WeChatFunctions.Memory;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Cleanup;

/// <summary>
/// The periodic cleanup: everything past its use (see <see cref="ExpiredData"/>), so that nothing about a follower
/// outlives <c>history_retention_days</c> except the daily totals and the audit log. It works in batches until every
/// kind is done or its time budget is spent, so a busy account's backlog does not grow. Deletes are idempotent, so two
/// runs at once are safe. Last, it counts the remembered facts that are left, for the dashboard, which would otherwise
/// read every follower's memory row on each view.
/// </summary>
internal sealed class ExpiredDataCleanup(
    IExpiredDataStore store,
    IMemoryCensusStore memoryCensus,
    QuotaDays days,
    TimeProvider timeProvider,
    IOptions<CleanupOptions> options,
    IOptions<WeChatOptions> weChatOptions,
    IOptions<CustomerServiceOptions> pushOptions,
    ILogger<ExpiredDataCleanup> logger)
{
    public const int RowsPerBatch = 500;

    /// <summary>Well inside the Functions host's default 5-minute timeout for a timer function.</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromMinutes(4);

    /// <summary>The 7 days of the spend ranking, and one more for time zones.</summary>
    private static readonly TimeSpan WeekLifetime = TimeSpan.FromDays(8);

    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(1);

    /// <summary>Customer-service messages may carry an answer for 48 hours after its question.</summary>
    private static readonly TimeSpan PushableClaimLifetime = TimeSpan.FromDays(2);

    private static readonly TimeSpan AuditLifetime = TimeSpan.FromDays(90);

    private static readonly TimeSpan PendingImageLifetime = TimeSpan.FromMinutes(10);

    /// <summary>An instance still writes yesterday's figures after midnight; a day older than this no instance writes any more.</summary>
    private static readonly TimeSpan FinishedStatisticsAge = TimeSpan.FromDays(3);

    public async Task<CleanupReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var deleted = new Dictionary<ExpiredData, int>();
        foreach (var (kind, cutoff) in CutoffsAt(timeProvider.GetUtcNow()))
        {
            int batch;
            do
            {
                batch = await store.DeleteAsync(kind, cutoff, RowsPerBatch, cancellationToken);
                deleted[kind] = deleted.GetValueOrDefault(kind) + batch;
            }
            while (batch == RowsPerBatch && timeProvider.GetElapsedTime(started) < TimeBudget);
        }

        var report = new CleanupReport(deleted);
        CleanupLog.CleanedUp(logger, report.Total, report);
        await memoryCensus.TakeAsync(timeProvider.GetUtcNow(), cancellationToken);
        return report;
    }

    private IEnumerable<(ExpiredData Kind, ExpiryCutoff Cutoff)> CutoffsAt(DateTimeOffset now)
    {
        var retention = TimeSpan.FromDays(options.Value.HistoryRetentionDays);
        yield return (ExpiredData.LegacyFollowerRows, At(now)); // first: the kinds below expire rows in the follower table
        yield return (ExpiredData.Claims, At(now - (pushOptions.Value.PushesAnswers ? PushableClaimLifetime : ClaimLifetime) - WeChatRetries.Window));
        yield return (ExpiredData.Turns, At(now - retention));
        // A push's timestamp is at most the skew from its first arrival, and a replay at most the skew from the timestamp.
        yield return (ExpiredData.Pushes, At(now - 2 * TimeSpan.FromSeconds(weChatOptions.Value.MaxClockSkewSeconds) - WeChatRetries.Window));
        yield return (ExpiredData.FollowerUsage, At(now - WeekLifetime));
        yield return (ExpiredData.RecentQuestions, At(now - WeekLifetime));
        yield return (ExpiredData.ActiveMarks, At(now - WeekLifetime));
        yield return (ExpiredData.PendingImages, At(now - PendingImageLifetime));
        yield return (ExpiredData.SharedLinks, At(now - SharedLink.Lifetime));
        yield return (ExpiredData.Audit, At(now - AuditLifetime));
        yield return (ExpiredData.FollowerState, At(now - retention));
        yield return (ExpiredData.QuietPreferences, At(now - retention));
        yield return (ExpiredData.Lockouts, At(now - ClaimLifetime));
        yield return (ExpiredData.DashboardAccess, At(now - ClaimLifetime));
        yield return (ExpiredData.StatisticsWriterRows, At(now - FinishedStatisticsAge));
        yield return (ExpiredData.SpenderRollUps, At(now - FinishedStatisticsAge));
        yield return (ExpiredData.StatisticsFollowers, At(now - WeekLifetime)); // after the roll-ups, which read days up to a week old
    }

    private ExpiryCutoff At(DateTimeOffset moment) => new(moment, days.DayOf(moment));
}

internal sealed record CleanupReport(IReadOnlyDictionary<ExpiredData, int> Deleted)
{
    public int Total => Deleted.Values.Sum();

    public override string ToString() => string.Join(", ", Deleted.Where(kind => kind.Value > 0).Select(kind => $"{kind.Value} {kind.Key}"));
}
