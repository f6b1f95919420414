using WeChatFunctions.Admin;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Dashboard;

/// <summary>What the dashboard shows, read from the tables that already exist: statistics, usage, policies, audit, settings.</summary>
internal sealed class DashboardData(
    IStatisticsStore statistics, IUsageStore usage, IAdminStore admins, IAuditStore audit, AdminConfigView config, QuotaDays days, TimeProvider timeProvider)
{
    /// <summary>Usage rows are kept 8 days, so the spenders cover the last 7.</summary>
    public const int SpenderDays = 7;

    private const int TopSpenders = 10;

    private const int AuditEntries = 50;

    public async Task<DashboardSnapshot> ReadAsync(int dayCount, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var range = Enumerable.Range(0, dayCount).Select(back => days.DayOf(now.AddDays(-back))).Reverse().ToList();
        var recorded = await statistics.ReadAllAsync(cancellationToken);
        var spenders = await usage.ReadSpendAsync(days.DayOf(now.AddDays(1 - SpenderDays)), days.DayOf(now), cancellationToken);
        return new DashboardSnapshot(
            [.. range.Select(day => (day, recorded.GetValueOrDefault(day, DailyStatistics.Zero)))],
            [.. spenders.OrderByDescending(spend => spend.PromptTokens + spend.CompletionTokens).Take(TopSpenders)],
            await admins.ListWhiteListedAsync(cancellationToken),
            await admins.ListBlockedAsync(cancellationToken),
            await audit.LatestAsync(AuditEntries, cancellationToken),
            (await config.RenderAsync(cancellationToken)).Split('\n').Skip(1).ToList());
    }
}

/// <param name="Days">Each day of the range, oldest first, with its figures (zero for a day nothing was recorded).</param>
/// <param name="Configuration">The lines of <c>get_config</c>, secrets masked as it masks them.</param>
internal sealed record DashboardSnapshot(
    IReadOnlyList<(string Day, DailyStatistics Figures)> Days,
    IReadOnlyList<FollowerSpend> TopSpenders,
    IReadOnlyList<string> WhiteList,
    IReadOnlyList<string> Blocked,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<string> Configuration)
{
    /// <summary>The range's figures added up.</summary>
    public DailyStatistics Total { get; } = Days.Aggregate(DailyStatistics.Zero, (sum, day) => sum + day.Figures);
}
