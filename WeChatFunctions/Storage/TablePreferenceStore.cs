using Azure.Data.Tables;
using WeChatFunctions.Dialog;
using WeChatFunctions.Memory;

namespace WeChatFunctions.Storage;

/// <summary>
/// The <c>WeChatPreferences</c> table: partition = follower, a row for the preferences (<see cref="PreferencesEntity"/>)
/// and one for the remembered facts (<see cref="MemoryRow"/>), read together by one query of the partition.
/// </summary>
internal sealed class TablePreferenceStore(TableClientProvider tables, RecentPreferences recent) : IPreferenceStore
{
    public const string TableName = "WeChatPreferences";

    public async Task<FollowerProfile> ReadAsync(string followerId, CancellationToken cancellationToken) =>
        (await ReadPartitionAsync(followerId, cancellationToken)).Profile;

    /// <summary>The follower's whole partition in one query, or as this instance read it less than <see cref="RecentPreferences.MaxAge"/> ago.</summary>
    public async Task<FollowerPartition> ReadPartitionAsync(string followerId, CancellationToken cancellationToken)
    {
        if (recent.TryGet(followerId, out var known))
        {
            return known;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var partition = FollowerPartition.Empty;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {followerId}"), cancellationToken: cancellationToken))
        {
            partition = row.RowKey switch
            {
                PreferencesEntity.Row => partition with { Profile = partition.Profile with { Preferences = PreferencesOf(row) } },
                MemoryRow.Key => partition with { Profile = partition.Profile with { Facts = MemoryRow.Read(row) } },
                SharedLinkEntity.Row => partition with { Link = SharedLinkEntity.Read(row) },
                _ => partition,
            };
        }

        recent.Remember(followerId, partition);
        return partition;
    }

    public async Task<FollowerPreferences> GetAsync(string followerId, CancellationToken cancellationToken) =>
        (await ReadAsync(followerId, cancellationToken)).Preferences;

    public async Task SaveAsync(string followerId, FollowerPreferences preferences, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
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

    private static FollowerPreferences PreferencesOf(TableEntity row) => new(
        row.GetString(nameof(PreferencesEntity.SystemPrompt)),
        row.GetString(nameof(PreferencesEntity.Model)),
        row.GetDouble(nameof(PreferencesEntity.Temperature)));
}
