namespace WeChatFunctions.Statistics;

/// <summary>Daily figures, exact when every instance adds to them at once.</summary>
internal interface IStatisticsStore
{
    Task AddAsync(string day, DailyStatistics delta, CancellationToken cancellationToken);

    /// <returns>Whether this is the follower's first activity of the day.</returns>
    Task<bool> MarkActiveAsync(string day, string followerId, CancellationToken cancellationToken);

    /// <returns>Every recorded day (<c>yyyyMMdd</c>) and its figures.</returns>
    Task<IReadOnlyDictionary<string, DailyStatistics>> ReadAllAsync(CancellationToken cancellationToken);
}
