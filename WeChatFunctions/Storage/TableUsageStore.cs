using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>
/// A follower's usage, kept for each quota day where <see cref="IUsageLayout"/> says: in the follower's partition of
/// the follower table from the switch on (<see cref="FollowerTableUsage"/>), in the <c>WeChatUsage</c> table before
/// it (<see cref="LegacyUsageTable"/>). A change belongs to the day its question was asked on, so a question asked
/// before the switch settles where it was charged, whenever it finishes.
/// </summary>
internal sealed class TableUsageStore(IUsageLayout layout, FollowerTableUsage followerTable, LegacyUsageTable legacy) : IUsageStore
{
    public async Task<bool> TryChangeAsync(string followerId, string day, Func<FollowerUsage, FollowerUsage?> change, bool followsOwnWrite, CancellationToken cancellationToken) =>
        await InFollowerTableAsync(day, cancellationToken)
            ? await followerTable.TryChangeAsync(followerId, day, change, followsOwnWrite, cancellationToken)
            : await legacy.TryChangeAsync(followerId, day, change, followsOwnWrite, cancellationToken);

    public async Task<FollowerUsage> GetAsync(string followerId, string day, CancellationToken cancellationToken) =>
        await InFollowerTableAsync(day, cancellationToken)
            ? await followerTable.GetAsync(followerId, day, cancellationToken)
            : await legacy.GetAsync(followerId, day, cancellationToken);

    public Task<IReadOnlyList<FollowerSpend>> ReadSpendAsync(string firstDay, string lastDay, CancellationToken cancellationToken) =>
        legacy.ReadSpendAsync(firstDay, lastDay, cancellationToken);

    /// <returns>The write that settles the charge in the transaction finishing its claim, or <see langword="null"/> when its day keeps usage elsewhere.</returns>
    public async Task<UsageWrite?> SettlementAsync(ChargeSettlement settlement, bool read, CancellationToken cancellationToken) =>
        await InFollowerTableAsync(settlement.Charge.Day, cancellationToken) ? await followerTable.SettlementAsync(settlement, read, cancellationToken) : null;

    private async Task<bool> InFollowerTableAsync(string day, CancellationToken cancellationToken) =>
        string.CompareOrdinal(day, await layout.FollowerTableFromAsync(cancellationToken)) >= 0;
}
