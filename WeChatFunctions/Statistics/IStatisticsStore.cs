namespace WeChatFunctions.Statistics;

/// <summary>Daily figures: each writer's running totals per day, summed when read.</summary>
internal interface IStatisticsStore
{
    /// <summary>Replaces <paramref name="writer"/>'s totals for <paramref name="day"/>; they only grow, so writing them again is harmless.</summary>
    Task SaveTotalsAsync(string day, string writer, DailyStatistics totals, CancellationToken cancellationToken);

    /// <returns>Whether this is the follower's first activity of the day.</returns>
    Task<bool> MarkActiveAsync(string day, string followerId, CancellationToken cancellationToken);

    /// <returns>Every recorded day (<c>yyyyMMdd</c>) and its figures.</returns>
    Task<IReadOnlyDictionary<string, DailyStatistics>> ReadAllAsync(CancellationToken cancellationToken);
}
