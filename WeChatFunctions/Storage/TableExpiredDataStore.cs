using System.Globalization;
using Azure;
using Azure.Data.Tables;
using WeChatFunctions.Conversations;

namespace WeChatFunctions.Storage;

/// <summary>
/// Finds expired rows by a key or property the app wrote (the storage Timestamp cannot be set, so it would make the
/// cleanup untestable), and deletes them one by one: a delete of a row another run just deleted is not an error.
/// </summary>
internal sealed class TableExpiredDataStore(TableClientProvider tables) : IExpiredDataStore
{
    private const int ParallelDeletes = 8;

    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    public async Task<int> DeleteClaimsBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken) =>
        await DeleteAsync(TableReplyClaimStore.TableName, TableClient.CreateQueryFilter($"FirstArrival lt {cutoff}"), maxRows, cancellationToken);

    public async Task<int> DeleteTurnsBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken) =>
        await DeleteAsync(TableConversationStore.TableName, TableClient.CreateQueryFilter($"RowKey gt {ConversationTurnEntity.NewestFirstKey(cutoff)}"), maxRows, cancellationToken);

    private async Task<int> DeleteAsync(string tableName, string filter, int maxRows, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        var expired = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: maxRows, select: KeysOnly, cancellationToken: cancellationToken))
        {
            expired.Add(row);
            if (expired.Count == maxRows)
            {
                break;
            }
        }

        await Parallel.ForEachAsync(
            expired,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelDeletes, CancellationToken = cancellationToken },
            async (row, token) => await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, token));
        return expired.Count;
    }
}
