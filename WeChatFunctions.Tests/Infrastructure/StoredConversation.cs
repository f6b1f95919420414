using Azure.Data.Tables;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Reads what the app stored, straight from Azurite, to check what was and was not kept.</summary>
public static class StoredConversation
{
    /// <summary>The follower table, whose rows <c>~turn-…</c> are the follower's turns, newest first.</summary>
    public const string TableName = "WeChatReplies";

    public const string TurnPrefix = "~turn-";

    public static async Task<IReadOnlyList<TableEntity>> TurnsOfAsync(AzuriteServer storage, string followerId)
    {
        var table = new TableServiceClient(storage.ConnectionString).GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        var turns = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {followerId} and RowKey gt {TurnPrefix} and RowKey lt {"~turn."}")))
        {
            turns.Add(entity);
        }

        return turns;
    }
}
