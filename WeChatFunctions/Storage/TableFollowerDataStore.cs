using Azure.Data.Tables;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Images;

namespace WeChatFunctions.Storage;

/// <summary>
/// Deletes a follower's partition (and any rows left in the tables before the follower table), batch by batch until none
/// is left, but for their usage; aggregate statistics are not theirs and stay.
/// </summary>
internal sealed class TableFollowerDataStore(TableClientProvider tables, IPendingImageStore images, RecentPreferences recentPreferences, FollowerMove legacyRows) : IFollowerDataStore
{
    private const int Batch = 500;

    public async Task ForgetAsync(string followerId, string keepMessageId, CancellationToken cancellationToken)
    {
        // The image first: its row names its blob.
        await images.DeleteAsync(followerId, cancellationToken);
        // The usage stays, or following again would start the day's quota afresh; the cleanup removes it once quiet.
        await DeleteAllAsync(FollowerTable.Name, TableClient.CreateQueryFilter($"PartitionKey eq {followerId} and RowKey ne {keepMessageId} and RowKey ne {FollowerUsageRow.Key}"), cancellationToken);
        await legacyRows.ForgetAsync(followerId, cancellationToken);
        recentPreferences.Forget(followerId);
    }

    private async Task DeleteAllAsync(string tableName, string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        while (await TableRows.DeleteAsync(table, filter, Batch, cancellationToken) == Batch)
        {
        }
    }
}
