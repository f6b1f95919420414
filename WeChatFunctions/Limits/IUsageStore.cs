namespace WeChatFunctions.Limits;

/// <summary>Per follower per day usage, exact when several instances change the same follower's usage at once.</summary>
internal interface IUsageStore
{
    /// <summary>
    /// Reads the follower's usage and writes what <paramref name="change"/> makes of it, reading again when another
    /// instance wrote first. <paramref name="change"/> returns <see langword="null"/> to make no change.
    /// </summary>
    /// <param name="followsOwnWrite">
    /// This instance wrote the usage moments ago, as when settling its own charge: the change is written against the
    /// rows as it left them, without reading first, and read only if another instance wrote since.
    /// </param>
    /// <returns>Whether the change was made.</returns>
    Task<bool> TryChangeAsync(string followerId, string day, Func<FollowerUsage, FollowerUsage?> change, bool followsOwnWrite, CancellationToken cancellationToken);

    Task<FollowerUsage> GetAsync(string followerId, string day, CancellationToken cancellationToken);

    /// <returns>The tokens each follower used from <paramref name="firstDay"/> to <paramref name="lastDay"/> (<c>yyyyMMdd</c>), both included.</returns>
    Task<IReadOnlyList<FollowerSpend>> ReadSpendAsync(string firstDay, string lastDay, CancellationToken cancellationToken);
}
