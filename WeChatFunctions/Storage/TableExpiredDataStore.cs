using System.Globalization;
using Azure.Data.Tables;
using WeChatFunctions.Cleanup;

namespace WeChatFunctions.Storage;

/// <summary>
/// Finds expired rows by a key or property the app wrote (the storage Timestamp cannot be set, so it would make the
/// cleanup untestable), and deletes them through <see cref="TableRows"/>.
/// </summary>
internal sealed class TableExpiredDataStore(TableClientProvider tables) : IExpiredDataStore
{
    public async Task<int> DeleteClaimsBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken) =>
        await DeleteAsync(TableReplyClaimStore.TableName, TableClient.CreateQueryFilter($"FirstArrival lt {cutoff}"), maxRows, cancellationToken);

    public async Task<int> DeleteTurnsBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken) =>
        await DeleteAsync(TableConversationStore.TableName, TableClient.CreateQueryFilter($"RowKey gt {ConversationTurnEntity.NewestFirstKey(cutoff)}"), maxRows, cancellationToken);

    public async Task<int> DeletePushesBeforeAsync(DateTimeOffset cutoff, int maxRows, CancellationToken cancellationToken) =>
        await DeleteAsync(TablePushLedger.TableName, TableClient.CreateQueryFilter($"FirstArrival lt {cutoff}"), maxRows, cancellationToken);

    public async Task<int> DeleteFollowerUsageBeforeAsync(string firstDayKept, int maxRows, CancellationToken cancellationToken) =>
        // Day rows only: their keys are digits, and the rate limit's "recent" row sorts after every day.
        await DeleteAsync(TableUsageStore.TableName, TableClient.CreateQueryFilter($"RowKey lt {firstDayKept}"), maxRows, cancellationToken);

    private async Task<int> DeleteAsync(string tableName, string filter, int maxRows, CancellationToken cancellationToken) =>
        await TableRows.DeleteAsync(await tables.GetAsync(tableName, cancellationToken), filter, maxRows, cancellationToken);
}
