using Azure.Data.Tables;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

/// <summary>
/// The follower's preferences (<see cref="PreferencesEntity"/>), remembered facts (<see cref="MemoryRow"/>) and shared
/// link, single rows of their partition in the follower table, read together by one query.
/// </summary>
internal sealed class TablePreferenceStore(TableClientProvider tables, RecentPreferences recent, LegacyFollowerTables legacy) : IPreferenceStore
{
    public async Task<FollowerProfile> ReadAsync(string followerId, CancellationToken cancellationToken) =>
        (await ReadPartitionAsync(followerId, cancellationToken)).Profile;

    /// <summary>The follower's single rows in one query, or as this instance read them less than <see cref="RecentPreferences.MaxAge"/> ago.</summary>
    public async Task<FollowerPartition> ReadPartitionAsync(string followerId, CancellationToken cancellationToken)
    {
        if (recent.TryGet(followerId, out var known))
        {
            return known;
        }

        var (partition, moved) = await QueryAsync(followerId, cancellationToken);
        if (await legacy.MoveUnlessSeenAsync(followerId, moved, cancellationToken))
        {
            (partition, _) = await QueryAsync(followerId, cancellationToken);
        }

        recent.Remember(followerId, partition);
        return partition;
    }

    public async Task<FollowerPreferences> GetAsync(string followerId, CancellationToken cancellationToken) =>
        (await ReadAsync(followerId, cancellationToken)).Preferences;

    public async Task SaveAsync(string followerId, FollowerPreferences preferences, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        var entity = new PreferencesEntity
        {
            PartitionKey = followerId,
            SystemPrompt = preferences.SystemPrompt,
            Model = preferences.Model,
            Temperature = preferences.Temperature,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        recent.Change(followerId, known => known with { Profile = known.Profile with { Preferences = preferences } });
    }

    private async Task<(FollowerPartition Partition, bool Moved)> QueryAsync(string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(FollowerTable.Name, cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {followerId} and (RowKey eq {PreferencesEntity.Row} or RowKey eq {MemoryRow.Key} or RowKey eq {SharedLinkEntity.Row} or RowKey eq {FollowerTable.MovedRow})");
        var (partition, moved) = (FollowerPartition.Empty, false);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            (partition, moved) = (partition.With(row), moved || row.RowKey == FollowerTable.MovedRow);
        }

        return (partition, moved);
    }
}
