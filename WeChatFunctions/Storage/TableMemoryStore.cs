using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Memory;

namespace WeChatFunctions.Storage;

/// <summary>
/// The remembered facts' row (<see cref="MemoryRow"/>) in each follower's partition of the follower table. A change forgets what
/// this instance recently read of the partition, so the follower's next question sees it.
/// </summary>
internal sealed class TableMemoryStore(TableClientProvider tables, RecentPreferences recent, LegacyFollowerTables legacy) : IMemoryStore
{
    /// <summary>Two changes of one follower's facts at once are rare: a model that remembers two facts in one round.</summary>
    private const int MaxAttempts = 5;

    public async Task<IReadOnlyList<RememberedFact>> ReadAsync(string followerId, CancellationToken cancellationToken)
    {
        await legacy.EnsureMovedAsync(followerId, cancellationToken);
        var table = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(followerId, MemoryRow.Key, cancellationToken: cancellationToken);
        return found.HasValue ? MemoryRow.Read(found.Value!) : [];
    }

    public async Task<IReadOnlyList<RememberedFact>> ChangeAsync(
        string followerId, Func<IReadOnlyList<RememberedFact>, IReadOnlyList<RememberedFact>?> change, CancellationToken cancellationToken)
    {
        await legacy.EnsureMovedAsync(followerId, cancellationToken);
        var table = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        IReadOnlyList<RememberedFact> stored = [];
        await OptimisticRow.ChangeAsync(table, followerId, () => MemoryRow.Key, row =>
        {
            var facts = MemoryRow.Read(row);
            var changed = change(facts);
            stored = changed is null ? facts : MemoryRow.Write(row, changed);
            return changed is not null;
        }, MaxAttempts, cancellationToken);
        recent.Forget(followerId);
        return stored;
    }

    public async Task<int> ClearAsync(string followerId, CancellationToken cancellationToken)
    {
        await legacy.EnsureMovedAsync(followerId, cancellationToken);
        var table = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(followerId, MemoryRow.Key, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return 0;
        }

        await table.DeleteEntityAsync(followerId, MemoryRow.Key, ETag.All, cancellationToken);
        recent.Forget(followerId);
        return MemoryRow.Read(found.Value!).Count;
    }
}
