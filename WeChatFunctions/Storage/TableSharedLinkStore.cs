using Azure.Data.Tables;
using WeChatFunctions.Links;

namespace WeChatFunctions.Storage;

/// <summary>
/// The shared link in the follower's partition of the follower table: the partition query every question makes for
/// the prompt finds it too, so a question looks for it at no storage call of its own.
/// </summary>
internal sealed class TableSharedLinkStore(TableClientProvider tables, TablePreferenceStore preferences, RecentPreferences recent) : ISharedLinkStore
{
    private const string TableName = FollowerTable.Name;

    /// <summary>Two links of one follower saved at the same moment are the only case where the older may win; it takes two shares within milliseconds.</summary>
    public async Task SaveAsync(string followerId, SharedLink link, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var stored = await table.GetEntityIfExistsAsync<SharedLinkEntity>(
            followerId, SharedLinkEntity.Row, select: [nameof(SharedLinkEntity.SharedAt)], cancellationToken: cancellationToken);
        if (stored is { HasValue: true, Value: { } newest } && newest.SharedAt > link.SharedAt)
        {
            return;
        }

        await table.UpsertEntityAsync(SharedLinkEntity.From(followerId, link), TableUpdateMode.Replace, cancellationToken);
        recent.Change(followerId, known => known with { Link = link });
    }

    public async Task<SharedLink?> FindAsync(string followerId, CancellationToken cancellationToken) =>
        (await preferences.ReadPartitionAsync(followerId, cancellationToken)).Link;
}
