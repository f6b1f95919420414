using System.Globalization;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Statistics;

/// <summary>
/// The tokens each follower spent over some days, for <c>get_stat</c>, the dashboard and the roll-ups. A day before
/// the usage moved into the follower table (<see cref="IUsageLayout"/>) is read from its usage rows, as versions before
/// did; a day from then on from the statistics, which keep each instance's top
/// <see cref="ISpenderRollUpStore.FollowersPerDay"/> followers of the day, so no view scans the follower table.
/// </summary>
internal sealed class SpendHistory(IStatisticsStore statistics, IUsageStore usage, IUsageLayout layout)
{
    private const string DayFormat = "yyyyMMdd";

    /// <returns>The tokens of each follower from <paramref name="firstDay"/> to <paramref name="lastDay"/> (<c>yyyyMMdd</c>), both included.</returns>
    public async Task<IReadOnlyList<FollowerSpend>> ReadAsync(string firstDay, string lastDay, CancellationToken cancellationToken)
    {
        var switchDay = await layout.FollowerTableFromAsync(cancellationToken);
        IEnumerable<FollowerSpend> legacy = IsBefore(firstDay, switchDay)
            ? await usage.ReadSpendAsync(firstDay, Earlier(lastDay, DayBefore(switchDay)), cancellationToken)
            : [];
        IEnumerable<FollowerSpend> recorded = IsBefore(lastDay, switchDay)
            ? []
            : (await statistics.ReadFollowerTokensAsync(IsBefore(firstDay, switchDay) ? switchDay : firstDay, lastDay, cancellationToken)).Spends;
        return FollowerSpend.SumByFollower(legacy.Concat(recorded));
    }

    private static bool IsBefore(string day, string other) => string.CompareOrdinal(day, other) < 0;

    private static string Earlier(string day, string other) => IsBefore(day, other) ? day : other;

    private static string DayBefore(string day) =>
        DateOnly.ParseExact(day, DayFormat, CultureInfo.InvariantCulture).AddDays(-1).ToString(DayFormat, CultureInfo.InvariantCulture);
}
