using Azure.Data.Tables;
using WeChatFunctions.Links;

namespace WeChatFunctions.Storage;

internal sealed class TableSharedLinkStore(TableClientProvider tables) : ISharedLinkStore
{
    public const string TableName = "WeChatLinks";

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
    }

    public async Task<SharedLink?> FindAsync(string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<SharedLinkEntity>(followerId, SharedLinkEntity.Row, cancellationToken: cancellationToken);
        return found is { HasValue: true, Value: { } entity } ? entity.ToLink() : null;
    }
}
