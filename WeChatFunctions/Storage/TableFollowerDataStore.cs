using Azure.Data.Tables;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Images;

namespace WeChatFunctions.Storage;

/// <summary>Deletes a follower's partitions, batch by batch until none is left; aggregate statistics are not theirs and stay.</summary>
internal sealed class TableFollowerDataStore(TableClientProvider tables, IPendingImageStore images, RecentPreferences recentPreferences) : IFollowerDataStore
{
    private const int Batch = 500;

    public async Task ForgetAsync(string followerId, string keepMessageId, CancellationToken cancellationToken)
    {
        await DeleteAllAsync(TableConversationStore.TableName, TableClient.CreateQueryFilter($"PartitionKey eq {followerId}"), cancellationToken);
        await DeleteAllAsync(TableReplyClaimStore.TableName, TableClient.CreateQueryFilter($"PartitionKey eq {followerId} and RowKey ne {keepMessageId}"), cancellationToken);
        await DeleteAllAsync(TablePreferenceStore.TableName, TableClient.CreateQueryFilter($"PartitionKey eq {followerId}"), cancellationToken);
        recentPreferences.Forget(followerId);
        await images.DeleteAsync(followerId, cancellationToken);
    }

    private async Task DeleteAllAsync(string tableName, string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        while (await TableRows.DeleteAsync(table, filter, Batch, cancellationToken) == Batch)
        {
        }
    }
}
