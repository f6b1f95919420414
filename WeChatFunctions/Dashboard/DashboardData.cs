using WeChatFunctions.Admin;
using WeChatFunctions.Limits;
using WeChatFunctions.Memory;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Dashboard;

/// <summary>What the dashboard shows, read from the tables that already exist: statistics, spend, policies, audit, settings, the memory census.</summary>
internal sealed class DashboardData(
    IStatisticsStore statistics,
    SpendHistory spendHistory,
    ISpenderRollUpStore rolledUpSpenders,
    IAdminStore admins,
    IAuditStore audit,
    IMemoryCensusStore memoryCensus,
    AdminConfigView config,
    QuotaDays days,
    TimeProvider timeProvider)
{
    /// <summary>Each follower's tokens are kept by OpenID for 8 days (<see cref="SpendHistory"/>), so the last 7 are ranked from them; earlier days come from their roll-ups.</summary>
    public const int ExactSpenderDays = 7;

    private const int TopSpenders = 10;

    private const int AuditEntries = 50;

    public async Task<DashboardSnapshot> ReadAsync(int dayCount, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var range = Enumerable.Range(0, dayCount).Select(back => days.DayOf(now.AddDays(-back))).Reverse().ToList();
        var recorded = await statistics.ReadAllAsync(cancellationToken);
        return new DashboardSnapshot(
            [.. range.Select(day => (day, recorded.GetValueOrDefault(day, DailyStatistics.Zero)))],
            await TopSpendersAsync(now, dayCount, cancellationToken),
            await admins.ListWhiteListedAsync(cancellationToken),
            await admins.ListBlockedAsync(cancellationToken),
            await audit.LatestAsync(AuditEntries, cancellationToken),
            (await config.RenderAsync(cancellationToken)).Split('\n').Skip(1).ToList(),
            await memoryCensus.LatestAsync(cancellationToken));
    }

    /// <summary>The followers who used most tokens over the range, masked: the last 7 days from their kept tokens, the days before from their roll-ups.</summary>
    private async Task<IReadOnlyList<FollowerSpend>> TopSpendersAsync(DateTimeOffset now, int dayCount, CancellationToken cancellationToken)
    {
        var exact = await spendHistory.ReadAsync(days.DayOf(now.AddDays(1 - Math.Min(dayCount, ExactSpenderDays))), days.DayOf(now), cancellationToken);
        var earlier = dayCount > ExactSpenderDays
            ? await rolledUpSpenders.ReadAsync(days.DayOf(now.AddDays(1 - dayCount)), days.DayOf(now.AddDays(-ExactSpenderDays)), cancellationToken)
            : [];
        var masked = exact.Select(spend => spend with { FollowerId = MaskedFollower.Of(spend.FollowerId) });
        return [.. FollowerSpend.MostTokens(FollowerSpend.SumByFollower(masked.Concat(earlier)), TopSpenders)];
    }
}

/// <param name="Days">Each day of the range, oldest first, with its figures (zero for a day nothing was recorded).</param>
/// <param name="TopSpenders">The followers who used most tokens over the range, their OpenIDs masked.</param>
/// <param name="Configuration">The lines of <c>get_config</c>, secrets masked as it masks them.</param>
/// <param name="Memory">How many followers have remembered facts and how many in all, as the cleanup last counted them; <see langword="null"/> before it first did.</param>
internal sealed record DashboardSnapshot(
    IReadOnlyList<(string Day, DailyStatistics Figures)> Days,
    IReadOnlyList<FollowerSpend> TopSpenders,
    IReadOnlyList<string> WhiteList,
    IReadOnlyList<string> Blocked,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<string> Configuration,
    MemoryCensus? Memory)
{
    /// <summary>The range's figures added up.</summary>
    public DailyStatistics Total { get; } = Days.Aggregate(DailyStatistics.Zero, (sum, day) => sum + day.Figures);
}
