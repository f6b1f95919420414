namespace WeChatFunctions.Statistics;

/// <summary>Daily figures: each writer's running totals per day, summed when read.</summary>
internal interface IStatisticsStore
{
    /// <summary>
    /// Replaces <paramref name="writer"/>'s totals for <paramref name="day"/>: they only grow, so writing them again is
    /// harmless. The write is made against <paramref name="version"/>, the version this writer last wrote, so that an
    /// older write still on its way (one the client gave up on) can never land over a newer one.
    /// </summary>
    /// <param name="version">What the previous call returned for this day, or <see langword="null"/> for the first.</param>
    /// <returns>The version written.</returns>
    Task<string> SaveTotalsAsync(string day, string writer, DailyStatistics totals, string? version, CancellationToken cancellationToken);

    /// <returns>Whether this is the follower's first activity of the day.</returns>
    Task<bool> MarkActiveAsync(string day, string followerId, CancellationToken cancellationToken);

    /// <returns>Every recorded day (<c>yyyyMMdd</c>) and its figures.</returns>
    Task<IReadOnlyDictionary<string, DailyStatistics>> ReadAllAsync(CancellationToken cancellationToken);

    /// <returns>
    /// The followers' tokens of the days from <paramref name="firstDay"/> to <paramref name="lastDay"/>
    /// (<c>yyyyMMdd</c>), both included, added up: each writer's top followers of each day, of the days whose followers
    /// are still kept.
    /// </returns>
    Task<FollowerTokens> ReadFollowerTokensAsync(string firstDay, string lastDay, CancellationToken cancellationToken);
}
